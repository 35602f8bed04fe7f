package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.sync.ReactiveSemaphore;
import dev.asynciolearn.system.BadParameterException;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Service;

/**
 * {@code sem = asyncio.Semaphore(10)} shared by 100 coroutines, each doing
 * {@code async with sem:} around a database query, as in the study notes: "the database
 * allows 10 simultaneous connections".
 * <p>
 * Two semaphores are at work, as in a real app: the demo's own ({@code permits}, like the
 * example's) and the app-wide one in front of every connection ({@link LimitedDatabase}),
 * which no request can get around. The report counts both in the app and asks PostgreSQL
 * itself how many of this app's backends were running the query at once. The difference
 * that matters: asyncio raises {@code CancelledError} inside a cancelled coroutine; here
 * a client that hangs up sends a cancel signal up the pipeline, and the worker must
 * itself make PostgreSQL stop its query (cancel requests) before the permit goes back, or
 * the database would run more queries than there are permits.
 */
@Service
class SemaphoreDemoService {

	static final Concept SEMAPHORE = new Concept("Semaphore: limit database connections",
			"sem = asyncio.Semaphore(permits)\nasync def worker(): async with sem: await conn.execute('SELECT pg_sleep(q)')"
					+ "\nawait asyncio.gather(*[worker() for _ in range(callers)])",
			"Flux.range(0, callers).flatMap((i) -> sem.withPermit(() -> Mono.usingWhen(connections.create(), "
					+ "query, Connection::close)), callers)");

	/** The longest run a request may ask for: ceil(callers / permits) x queryMs. */
	static final long MAX_IDEAL_MS = 60_000;

	private static final long SAMPLE_EVERY_MS = 20;

	private static final Duration CANCEL_EVERY = Duration.ofMillis(100);

	private static final Duration GIVE_UP_STOPPING_AFTER = Duration.ofSeconds(10);

	private static final String SLEEP = "SELECT pg_sleep($1)";

	private static final String COUNT_SLEEPING = "SELECT count(*) AS n FROM pg_stat_activity "
			+ "WHERE application_name = current_setting('application_name') AND state = 'active' "
			+ "AND query LIKE 'SELECT pg_sleep(%'";

	private final LimitedDatabase database;

	private final Flux<Integer> backends;

	SemaphoreDemoService(LimitedDatabase database) {
		this.database = database;
		this.backends = sampleBackends(database);
	}

	/**
	 * One observer for all runs: while at least one run listens, it counts this app's
	 * backends running the query every {@value #SAMPLE_EVERY_MS} ms, on a single
	 * connection taken outside the semaphore (see {@link LimitedDatabase#unlimited()});
	 * it stops when the last run is done.
	 */
	private static Flux<Integer> sampleBackends(LimitedDatabase database) {
		return Flux
			.usingWhen(database.unlimited().create(),
					(connection) -> Flux.interval(Duration.ZERO, Duration.ofMillis(SAMPLE_EVERY_MS))
						.onBackpressureDrop()
						.concatMap((tick) -> countSleeping(connection), 1),
					Connection::close)
			.share();
	}

	Mono<Report> run(int callers, int permits, Duration query) {
		return Timeline.mono(SEMAPHORE, (timeline) -> {
			int effective = Math.min(permits, this.database.permits().permits());
			long idealMs = ceilDiv(callers, effective) * query.toMillis();
			if (ceilDiv(callers, permits) * query.toMillis() > MAX_IDEAL_MS) {
				return Mono.error(new BadParameterException("queryMs",
						"Parameters 'callers', 'permits', 'queryMs': "
								+ "ceil(callers / permits) x queryMs must be at most " + MAX_IDEAL_MS + " ms; got "
								+ ceilDiv(callers, permits) * query.toMillis() + " ms."));
			}
			Run run = new Run(timeline, new ReactiveSemaphore(permits), query);
			Sinks.Empty<Void> finished = Sinks.empty();
			Mono<Long> workers = Flux.range(0, callers)
				.flatMap(run::worker, callers)
				.count()
				.doFinally((signal) -> finished.tryEmitEmpty());
			return Mono.zip(workers, peakBackends(finished.asMono()))
				.map((results) -> timeline
					.report(new SemaphoreResult(callers, permits, this.database.permits().permits(), query.toMillis(),
							run.peakInside.get(), run.peakHeldAppWide.get(), results.getT2(), idealMs)));
		});
	}

	/**
	 * The most of this app's backends PostgreSQL saw running the query at once, until the
	 * workers are done.
	 */
	private Mono<Integer> peakBackends(Mono<Void> finished) {
		return this.backends.takeUntilOther(finished).reduce(0, Math::max);
	}

	private static Mono<Integer> countSleeping(Connection connection) {
		return Flux.from(connection.createStatement(COUNT_SLEEPING).execute())
			.flatMap((result) -> result.map((row, meta) -> row.get("n", Long.class)))
			.next()
			.map(Long::intValue);
	}

	private ConnectionFactory connections() {
		return this.database.connections();
	}

	private static long ceilDiv(long x, long y) {
		return -Math.floorDiv(-x, y);
	}

	/**
	 * One run of the demo: its own semaphore and counters.
	 */
	private final class Run {

		private final Timeline timeline;

		private final ReactiveSemaphore semaphore;

		private final Duration query;

		private final AtomicInteger inside = new AtomicInteger();

		private final AtomicInteger peakInside = new AtomicInteger();

		private final AtomicInteger peakHeldAppWide = new AtomicInteger();

		Run(Timeline timeline, ReactiveSemaphore semaphore, Duration query) {
			this.timeline = timeline;
			this.semaphore = semaphore;
			this.query = query;
		}

		Mono<Void> worker(int index) {
			String task = "worker-" + index;
			return this.semaphore.withPermit(() -> Mono.usingWhen(connections().create(), (connection) -> {
				entered(task);
				return sleep(connection);
			}, (connection) -> leave(task, connection), (connection, error) -> leave(task, connection),
					(connection) -> leaveCancelled(task, connection)))
				.doOnSubscribe((s) -> this.timeline.event(task, "waiting"));
		}

		private void entered(String task) {
			this.timeline.event(task, "acquired");
			this.peakInside.accumulateAndGet(this.inside.incrementAndGet(), Math::max);
			this.peakHeldAppWide.accumulateAndGet(SemaphoreDemoService.this.database.permits().held(), Math::max);
		}

		private Mono<Void> leaveCancelled(String task, Connection connection) {
			this.timeline.event(task, "cancelled");
			return stopRunningQuery(connection).then(leave(task, connection));
		}

		private Mono<Void> leave(String task, Connection connection) {
			this.inside.decrementAndGet();
			this.timeline.event(task, "released");
			return Mono.from(connection.close());
		}

		/**
		 * {@code SELECT pg_sleep(q)}; if the worker is cancelled, PostgreSQL is asked to
		 * cancel the query too.
		 */
		private Mono<Void> sleep(Connection connection) {
			return Flux.from(connection.createStatement(SLEEP).bind(0, this.query.toMillis() / 1000.0).execute())
				.flatMap((result) -> result.map((row, meta) -> 1))
				.then();
		}

	}

	/**
	 * A cancelled worker's query may still run on the server, or not have reached it yet.
	 * Keep the connection (and its permit) and send PostgreSQL cancel requests until a
	 * {@code SELECT 1} queued behind the query gets through: only then is the backend
	 * really free, and only then does the permit go back.
	 */
	static Mono<Void> stopRunningQuery(Connection connection) {
		Sinks.Empty<Void> freed = Sinks.empty();
		Disposable probe = Flux.from(connection.createStatement("SELECT 1").execute())
			.flatMap((result) -> result.map((row, meta) -> 1))
			.subscribe(null, (error) -> freed.tryEmitEmpty(), freed::tryEmitEmpty);
		// One cancel request at a time, each finished before looking again: none is left
		// in flight to hit the
		// next query on this connection.
		Mono<Boolean> round = Mono.defer(() -> cancelQuery(connection))
			.then(freed.asMono().thenReturn(true).timeout(CANCEL_EVERY, Mono.just(false)));
		return round.repeat()
			.takeUntil(Boolean::booleanValue)
			.then()
			.timeout(GIVE_UP_STOPPING_AFTER, Mono.empty())
			.doFinally((signal) -> probe.dispose());
	}

	/**
	 * Send PostgreSQL a cancel request for whatever runs on this connection (on a
	 * separate socket, as the protocol wants); a request that finds nothing running is
	 * ignored by the server.
	 */
	static Mono<Void> cancelQuery(Connection connection) {
		Object current = connection;
		while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
			current = wrapped.unwrap();
		}
		return (current instanceof PostgresqlConnection postgres) ? postgres.cancelRequest().onErrorComplete()
				: Mono.empty();
	}

	/**
	 * What the semaphore demo found.
	 *
	 * @param callers workers started at once
	 * @param permits the demo's own semaphore
	 * @param appWidePermits the app-wide connection semaphore
	 * @param queryMs how long each worker's query sleeps
	 * @param peakInside most workers holding a connection at once (counted in the app)
	 * @param peakPermitsHeldAppWide most app-wide permits held at once during the run, by
	 * anyone
	 * @param peakBackends most of this app's backends PostgreSQL saw running the query at
	 * once
	 * @param idealMs ceil(callers / min(permits, appWidePermits)) x queryMs: the elapsed
	 * time with perfect packing
	 */
	record SemaphoreResult(int callers, int permits, int appWidePermits, long queryMs, int peakInside,
			int peakPermitsHeldAppWide, int peakBackends, long idealMs) {
	}

}
