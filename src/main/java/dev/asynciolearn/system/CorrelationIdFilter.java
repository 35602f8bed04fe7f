package dev.asynciolearn.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id}, or a new
 * one), returns it in the response, and puts it in the Reactor context. Context
 * propagation copies it into the logging MDC on whichever thread the request runs next,
 * so its log lines can be followed from the event loop to {@code boundedElastic-*} and
 * back ({@code logging.level.dev.asynciolearn.timeline=debug} logs every timeline event).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

	static final String HEADER = "X-Correlation-Id";

	static final String KEY = "correlationId";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Log logger = LogFactory.getLog("dev.asynciolearn.requests");

	/**
	 * Random enough to tell requests apart; {@code UUID.randomUUID()} would read
	 * {@code /dev/urandom} here.
	 */
	private static String newId() {
		return String.format("%08x", ThreadLocalRandom.current().nextInt());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (given != null && VALID.matcher(given).matches()) ? given : newId();
		exchange.getResponse().getHeaders().set(HEADER, id);
		long start = System.nanoTime();
		return chain.filter(exchange).doFinally((signal) -> {
			if (logger.isInfoEnabled()) {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				logger.info(exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + " -> "
						+ ((status != null) ? status.value() : "-") + " in "
						+ Math.round((System.nanoTime() - start) / 1e5) / 10.0 + " ms (" + signal + ", id " + id + ")");
			}
		}).contextWrite((context) -> context.put(KEY, id));
	}

}
