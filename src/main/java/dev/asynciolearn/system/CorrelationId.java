package dev.asynciolearn.system;

import dev.asynciolearn.timeline.CorrelatedLog;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The request's correlation id for log lines written outside a timeline, such as an
 * exception handler's, on whichever thread the error reached.
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
		return exchange.getAttribute(CorrelatedLog.KEY);
	}

	/**
	 * Run {@code log} with the request's correlation id in the MDC.
	 * @param exchange the request
	 * @param log writes the log line
	 */
	public static void log(ServerWebExchange exchange, Runnable log) {
		CorrelatedLog.run(of(exchange), log);
	}

}
