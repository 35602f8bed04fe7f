package dev.asynciolearn.system;

import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.server.ServerWebExchange;

/**
 * The request's correlation id for log lines written outside a {@link Timeline}: an
 * exception handler runs on whichever thread the error reached, where the logging MDC
 * does not hold the id (thread-locals are not copied at every operator), so it is set for
 * the duration of the log call.
 */
public final class CorrelationId {

	private CorrelationId() {
	}

	/**
	 * The id {@link CorrelationIdFilter} gave the request.
	 * @param exchange the request
	 * @return the id, or {@code null} when the filter did not run
	 */
	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(Timeline.CORRELATION_ID);
	}

	/**
	 * Run {@code log} with the request's correlation id in the MDC.
	 * @param exchange the request
	 * @param log writes the log line
	 */
	public static void log(ServerWebExchange exchange, Runnable log) {
		String id = of(exchange);
		String previous = MDC.get(Timeline.CORRELATION_ID);
		if (id == null || id.equals(previous)) {
			log.run();
			return;
		}
		MDC.put(Timeline.CORRELATION_ID, id);
		try {
			log.run();
		}
		finally {
			if (previous != null) {
				MDC.put(Timeline.CORRELATION_ID, previous);
			}
			else {
				MDC.remove(Timeline.CORRELATION_ID);
			}
		}
	}

}
