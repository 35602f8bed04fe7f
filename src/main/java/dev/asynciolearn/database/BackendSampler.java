package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.system.Until;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Asks PostgreSQL itself how many of this app's backends run a demo query at once: one
 * observer for all runs of the semaphore demo. While at least one run listens, it counts
 * them in {@code pg_stat_activity} every {@value #SAMPLE_EVERY_MS} ms, on a single
 * connection taken outside the semaphore (see {@link LimitedDatabase#unlimited()}); it
 * stops when the last run is done.
 */
@Component
class BackendSampler {

	private static final long SAMPLE_EVERY_MS = 20;

	private static final String COUNT_SLEEPING = "SELECT count(*) AS n FROM pg_stat_activity "
			+ "WHERE application_name = current_setting('application_name') AND state = 'active' "
			+ "AND query LIKE 'SELECT pg_sleep(%'";

	private final Flux<Integer> backends;

	BackendSampler(LimitedDatabase database) {
		this.backends = Flux
			.usingWhen(database.unlimited().create(),
					(connection) -> Flux.interval(Duration.ZERO, Duration.ofMillis(SAMPLE_EVERY_MS))
						.onBackpressureDrop()
						.concatMap((tick) -> countSleeping(connection), 1),
					Connection::close)
			.share();
	}

	/**
	 * The most of this app's backends PostgreSQL saw running {@code pg_sleep} at once,
	 * until {@code finished}.
	 * @param finished completes when the run is over
	 * @return the peak
	 */
	Mono<Integer> peakUntil(Mono<Void> finished) {
		return Until.until(this.backends, finished).reduce(0, Math::max);
	}

	/**
	 * One count; it runs to its end even when the last run stops listening
	 * ({@link RunToEnd}).
	 */
	private static Mono<Integer> countSleeping(Connection connection) {
		return RunToEnd.runToEnd(Flux.from(connection.createStatement(COUNT_SLEEPING).execute())
			.flatMap((result) -> result.map((row, meta) -> row.get("n", Long.class)))
			.single()
			.map(Long::intValue));
	}

}
