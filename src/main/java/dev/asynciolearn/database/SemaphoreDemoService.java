package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.sync.ReactiveSemaphore;
import dev.asynciolearn.system.FirstError;
import dev.asynciolearn.system.RunLimit;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import io.r2dbc.spi.Connection;
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
 * itself how many of this app's backends were running the query at once
 * ({@link BackendSampler}). The difference that matters: asyncio raises
 * {@code CancelledError} inside a cancelled coroutine; here a client that hangs up sends
 * a cancel signal up the pipeline, and the worker must itself make PostgreSQL stop its
 * query ({@link QueryCanceller}) before the permit goes back, or the database would run
 * more queries than there are permits.
 */
@Service
class SemaphoreDemoService {

	static final Concept SEMAPHORE = new Concept("Semaphore: limit database connections",
			"sem = asyncio.Semaphore(permits)\nasync def worker(): async with sem: await conn.execute('SELECT pg_sleep(q)')"
					+ "\nawait asyncio.gather(*[worker() for _ in range(callers)])",
			"Flux.range(0, callers).flatMap((i) -> sem.withPermit(() -> Mono.usingWhen(connections.create(), "
					+ "query, Connection::close)), callers)");

	private static final String SLEEP = "SELECT pg_sleep($1)";

	private final LimitedDatabase database;

	private final BackendSampler backends;

	SemaphoreDemoService(LimitedDatabase database, BackendSampler backends) {
		this.database = database;
		this.backends = backends;
	}

	Mono<Report<SemaphoreDemoResult>> run(SemaphoreDemoRequest request) {
		int appWide = this.database.permits().permits();
		return Timeline.mono(SEMAPHORE, (timeline) -> {
			Run run = new Run(timeline, new ReactiveSemaphore(request.permits()), Duration.ofMillis(request.queryMs()));
			Sinks.Empty<Void> finished = Sinks.empty();
			Mono<Long> workers = Flux.range(0, request.callers())
				.flatMap(run::worker, request.callers())
				.transform(run.errors.run())
				.count()
				.doFinally((signal) -> finished.tryEmitEmpty());
			return Mono.zip(workers, this.backends.peakUntil(finished.asMono()))
				.map((results) -> new SemaphoreDemoResult(request.callers(), request.permits(), appWide,
						request.queryMs(), run.peakInside.get(), run.peakHeldAppWide.get(), results.getT2(),
						RunLimit.rounds(request.callers(), Math.min(request.permits(), appWide)) * request.queryMs()));
		});
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

		// The first worker's error ends the run; the others' are recorded, not dropped.
		private final FirstError errors;

		Run(Timeline timeline, ReactiveSemaphore semaphore, Duration query) {
			this.timeline = timeline;
			this.semaphore = semaphore;
			this.query = query;
			this.errors = new FirstError((error) -> timeline.event("run", Event.ERROR, error));
		}

		Mono<Void> worker(int index) {
			String task = "worker-" + index;
			return this.semaphore.withPermit(
					() -> Mono.usingWhen(SemaphoreDemoService.this.database.connections().create(), (connection) -> {
						entered(task);
						return sleep(connection);
					}, (connection) -> leave(task, connection), (connection, error) -> leave(task, connection),
							(connection) -> leaveCancelled(task, connection)))
				.transform(this.errors.worker())
				.doOnSubscribe((s) -> this.timeline.event(task, Event.WAIT));
		}

		private void entered(String task) {
			this.timeline.event(task, Event.ACQUIRED);
			this.peakInside.accumulateAndGet(this.inside.incrementAndGet(), Math::max);
			this.peakHeldAppWide.accumulateAndGet(SemaphoreDemoService.this.database.permits().held(), Math::max);
		}

		private Mono<Void> leaveCancelled(String task, Connection connection) {
			this.timeline.event(task, Event.CANCELLED);
			return QueryCanceller.stopRunningQuery(connection).then(leave(task, connection));
		}

		private Mono<Void> leave(String task, Connection connection) {
			this.inside.decrementAndGet();
			this.timeline.event(task, Event.RELEASED);
			return Mono.from(connection.close());
		}

		/**
		 * {@code SELECT pg_sleep(q)}; if the worker is cancelled, PostgreSQL is asked to
		 * cancel the query too ({@link #leaveCancelled}), which ends it in the driver
		 * ({@link RunToEnd}).
		 */
		private Mono<Void> sleep(Connection connection) {
			return RunToEnd
				.runToEnd(Flux.from(connection.createStatement(SLEEP).bind(0, this.query.toMillis() / 1000.0).execute())
					.flatMap((result) -> result.map((row, meta) -> 1))
					.then());
		}

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
	record SemaphoreDemoResult(int callers, int permits, int appWidePermits, long queryMs, int peakInside,
			int peakPermitsHeldAppWide, int peakBackends, long idealMs) {
	}

}
