package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import dev.asynciolearn.system.ApiProblem;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code asyncio.Semaphore(permits)} shared by every replica on one PostgreSQL: permit
 * {@code k} is the transaction-scoped advisory lock {@code (hashtext(NAME), k)}, so the
 * database itself does the counting, whatever number of processes ask. Permit {@code k}
 * is the same lock for every run: runs that ask for the same {@code permits} share them,
 * a run asking for 3 shares permits 0 to 2 with one asking for 10. A permit is not
 * stranded: PostgreSQL releases it when its transaction ends (commit, rollback, a
 * cancelled statement), when its connection dies with the process that held it, or when
 * the transaction sits idle longer than {@value #IDLE_LIMIT} (a replica that froze).
 * <p>
 * The difference that matters: {@code asyncio.Semaphore} wakes its waiters in the order
 * they came. Here a caller that finds every permit taken queues in PostgreSQL's lock
 * queue of one permit picked at random: waiters are served in order per permit, not
 * overall, and a permit freed elsewhere may stay idle while they wait.
 */
final class AdvisoryLockSemaphore {

	/** The advisory lock space of the demo's permits. */
	static final String NAME = "asyncio-learn.semaphore";

	private static final String TRY_ANY = "SELECT k FROM generate_series(0, $1 - 1) AS k "
			+ "WHERE pg_try_advisory_xact_lock(hashtext('" + NAME + "'), k) LIMIT 1";

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	/** How long a transaction holding a permit may sit idle between its statements. */
	static final String IDLE_LIMIT = "10s";

	private static final String WAIT_FOR = "SELECT pg_advisory_xact_lock(hashtext('" + NAME + "'), $1)";

	private AdvisoryLockSemaphore() {
	}

	/**
	 * {@code await sem.acquire()} for the transaction open on this connection: the first
	 * free permit, else a place in the queue of one of them, for at most
	 * {@code waitLimit} ({@code lock_timeout}).
	 * @param connection a connection inside a transaction, which holds the permit until
	 * it ends
	 * @param permits the semaphore's size, the same for every caller
	 * @param waitLimit how long to wait for a permit before a {@code 503}
	 * @return the permit taken
	 */
	static Mono<Integer> acquire(Connection connection, int permits, Duration waitLimit) {
		Mono<Integer> anyFree = query(connection, TRY_ANY, permits, (row) -> row.get("k", Integer.class));
		Mono<Integer> queue = Mono.defer(() -> {
			int permit = ThreadLocalRandom.current().nextInt(permits);
			return query(connection, WAIT_FOR, permit, (row) -> permit);
		});
		return RunToEnd
			.runToEnd(Flux
				.from(connection
					.createStatement("SET LOCAL lock_timeout = " + waitLimit.toMillis()
							+ "; SET LOCAL idle_in_transaction_session_timeout = '" + IDLE_LIMIT + "'")
					.execute())
				.flatMap(Result::getRowsUpdated)
				.then())
			.then(anyFree.switchIfEmpty(queue))
			.onErrorMap((error) -> error instanceof R2dbcException failure
					&& LOCK_NOT_AVAILABLE.equals(failure.getSqlState()), (error) -> noPermit(waitLimit));
	}

	static ApiProblem noPermit(Duration waited) {
		return ApiProblem.unavailable("No database permit available",
				"Waited " + waited.toMillis() + " ms for one of the demo's permits in PostgreSQL (advisory locks "
						+ "shared by every replica); the one this caller queued for stayed busy.",
				Duration.ofSeconds(1));
	}

	private static Mono<Integer> query(Connection connection, String sql, int argument,
			Function<Row, Integer> mapping) {
		return RunToEnd.runToEnd(Flux.from(connection.createStatement(sql).bind(0, argument).execute())
			.flatMap((result) -> result.map((row, meta) -> mapping.apply(row)))
			.singleOrEmpty());
	}

}
