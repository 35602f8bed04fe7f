package dev.asynciolearn.system;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import dev.asynciolearn.timeline.CorrelatedLog;
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
 * one), returns it in the response, and puts it in the Reactor context and the exchange's
 * attributes. Timelines read it from the context and log their events with it, so a
 * request's log lines can be followed from the event loop to {@code boundedElastic-*} and
 * back ({@code logging.level.dev.asynciolearn.timeline=debug} logs every timeline event).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

	static final String HEADER = "X-Correlation-Id";

	static final String KEY = CorrelatedLog.KEY;

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Log logger = LogFactory.getLog("dev.asynciolearn.requests");

	/**
	 * Eight hex digits, random enough to tell requests apart; {@code UUID.randomUUID()}
	 * would read {@code /dev/urandom} here, and {@code String.format} costs more than the
	 * rest of this filter.
	 */
	static String newId() {
		return Long.toHexString(0x1_0000_0000L | (ThreadLocalRandom.current().nextInt() & 0xFFFF_FFFFL)).substring(1);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (given != null && VALID.matcher(given).matches()) ? given : newId();
		exchange.getResponse().getHeaders().set(HEADER, id);
		exchange.getAttributes().put(KEY, id);
		long start = System.nanoTime();
		return chain.filter(exchange).doFinally((signal) -> {
			if (logger.isInfoEnabled()) {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				String line = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + " -> "
						+ ((status != null) ? status.value() : "-") + " in "
						+ Math.round((System.nanoTime() - start) / 1e5) / 10.0 + " ms (" + signal + ")";
				CorrelationId.log(exchange, () -> logger.info(line));
			}
		}).contextWrite((context) -> context.put(KEY, id));
	}

}
