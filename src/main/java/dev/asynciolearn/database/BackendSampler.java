package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.system.Until;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Asks PostgreSQL itself how many backends run a demo query at once, this replica's and
 * every replica's (each names its connections {@code <app>/<replica>}, see
 * {@link DatabaseConfiguration}): one observer for all runs of the semaphore demo. While
 * at least one run listens, it counts them in {@code pg_stat_activity} every
 * {@value #SAMPLE_EVERY_MS} ms, on a single connection taken outside the semaphore (see
 * {@link LimitedDatabase#unlimited()}); it stops when the last run is done.
 */
@Component
class BackendSampler {

	private static final long SAMPLE_EVERY_MS = 20;

	private static final String COUNT_SLEEPING = "SELECT count(*) FILTER (WHERE application_name = "
			+ "current_setting('application_name')) AS replica, count(*) AS all_replicas FROM pg_stat_activity "
			+ "WHERE application_name LIKE split_part(current_setting('application_name'), '/', 1) || '/%' "
			+ "AND state = 'active' AND query LIKE 'SELECT pg_sleep(%'";

	private final Flux<Backends> backends;

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
	 * The most backends PostgreSQL saw running {@code pg_sleep} at once, until
	 * {@code finished}: this replica's, and every replica's.
	 * @param finished completes when the run is over
	 * @return the peaks
	 */
	Mono<Backends> peakUntil(Mono<Void> finished) {
		return Until.until(this.backends, finished)
			.reduce(new Backends(0, 0), (peak, now) -> new Backends(Math.max(peak.replica(), now.replica()),
					Math.max(peak.allReplicas(), now.allReplicas())));
	}

	/**
	 * One count; it runs to its end even when the last run stops listening
	 * ({@link RunToEnd}).
	 */
	private static Mono<Backends> countSleeping(Connection connection) {
		return RunToEnd.runToEnd(Flux.from(connection.createStatement(COUNT_SLEEPING).execute())
			.flatMap((result) -> result.map((row, meta) -> new Backends(row.get("replica", Long.class).intValue(),
					row.get("all_replicas", Long.class).intValue())))
			.single());
	}

	/**
	 * Backends running a demo query.
	 *
	 * @param replica this replica's
	 * @param allReplicas every replica's, this one's included
	 */
	record Backends(int replica, int allReplicas) {
	}

}
