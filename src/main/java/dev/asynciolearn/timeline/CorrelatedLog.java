package dev.asynciolearn.timeline;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Writes log lines with a request's correlation id in the logging MDC, on whichever
 * thread they happen: thread-locals are not copied at every operator (see
 * {@link Timeline}), so the id is put in place for the duration of the call and the
 * previous value restored.
 */
public final class CorrelatedLog {

	/**
	 * The key of the request's correlation id in the Reactor context and in the logging
	 * MDC.
	 */
	public static final String KEY = "correlationId";

	private CorrelatedLog() {
	}

	/**
	 * Run {@code log} with {@code correlationId} in the MDC.
	 * @param correlationId the request's id, or {@code null} to log as is
	 * @param log writes the log line
	 */
	public static void run(@Nullable String correlationId, Runnable log) {
		String previous = MDC.get(KEY);
		if (correlationId == null || correlationId.equals(previous)) {
			log.run();
			return;
		}
		MDC.put(KEY, correlationId);
		try {
			log.run();
		}
		finally {
			if (previous != null) {
				MDC.put(KEY, previous);
			}
			else {
				MDC.remove(KEY);
			}
		}
	}

}
