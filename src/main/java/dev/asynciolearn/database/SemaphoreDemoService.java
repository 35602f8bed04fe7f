package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.sync.ReactiveSemaphore;
import dev.asynciolearn.system.FirstError;
import dev.asynciolearn.system.Replica;
import dev.asynciolearn.system.RunLimit;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
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
 * <p>
 * With two replicas behind a load balancer each process has its own semaphore, and
 * PostgreSQL runs the sum: {@code scope=DATABASE} takes the permits from PostgreSQL
 * instead ({@link AdvisoryLockSemaphore}), where every replica counts against the same
 * ones. The report gives both peaks PostgreSQL saw: this replica's backends and all of
 * them.
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

	private final Replica replica;

	private final Duration permitWaitLimit;

	SemaphoreDemoService(LimitedDatabase database, BackendSampler backends, Replica replica,
			DatabaseProperties properties) {
		this.database = database;
		this.backends = backends;
		this.replica = replica;
		this.permitWaitLimit = properties.permitWaitLimit();
	}

	Mono<Report<SemaphoreDemoResult>> run(SemaphoreDemoRequest request) {
		int appWide = this.database.permits().permits();
		return Timeline.mono(SEMAPHORE, (timeline) -> {
			Run run = new Run(timeline, request);
			Sinks.Empty<Void> finished = Sinks.empty();
			Mono<Long> workers = Flux.range(0, request.callers())
				.flatMap(run::worker, request.callers())
				.transform(run.errors.run())
				.count()
				.doFinally((signal) -> finished.tryEmitEmpty());
			return Mono.zip(workers, this.backends.peakUntil(finished.asMono()))
				.map((results) -> new SemaphoreDemoResult(request.callers(), request.permits(), request.scope(),
						this.replica.name(), appWide, request.queryMs(), run.peakInside.get(),
						run.peakHeldAppWide.get(), results.getT2().replica(), results.getT2().allReplicas(),
						RunLimit.rounds(request.callers(), Math.min(request.permits(), appWide)) * request.queryMs()));
		});
	}

	/**
	 * One run of the demo: its own semaphore and counters.
	 */
	private final class Run {

		private final Timeline timeline;

		private final ReactiveSemaphore semaphore;

		private final int permits;

		private final PermitScope scope;

		private final Duration query;

		private final AtomicInteger inside = new AtomicInteger();

		private final AtomicInteger peakInside = new AtomicInteger();

		private final AtomicInteger peakHeldAppWide = new AtomicInteger();

		// The first worker's error ends the run; the others' are recorded, not dropped.
		private final FirstError errors;

		Run(Timeline timeline, SemaphoreDemoRequest request) {
			this.timeline = timeline;
			this.semaphore = new ReactiveSemaphore(request.permits());
			this.permits = request.permits();
			this.scope = request.scope();
			this.query = Duration.ofMillis(request.queryMs());
			this.errors = new FirstError((error) -> timeline.event("run", Event.ERROR, error));
		}

		Mono<Void> worker(int index) {
			String task = "worker-" + index;
			// In PostgreSQL's scope too, the process's own semaphore comes first: only
			// as many workers as there are permits queue in PostgreSQL on a connection.
			return this.semaphore.withPermit(() -> query(task))
				.transform(this.errors.worker())
				.doOnSubscribe((s) -> this.timeline.event(task, Event.WAIT));
		}

		/**
		 * A connection, the permit (in PostgreSQL when the scope says so, for the length
		 * of a transaction), the query; then the permit and the connection go back,
		 * whether the query ended, failed or was cancelled.
		 */
		private Mono<Void> query(String task) {
			AtomicBoolean in = new AtomicBoolean();
			boolean shared = this.scope == PermitScope.DATABASE;
			return Mono.usingWhen(SemaphoreDemoService.this.database.connections().create(),
					(connection) -> (shared
							? Mono.from(connection.beginTransaction())
								.then(AdvisoryLockSemaphore.acquire(connection, this.permits,
										SemaphoreDemoService.this.permitWaitLimit))
							: Mono.just(-1))
						.flatMap((permit) -> {
							entered(task, in, (permit >= 0) ? "permit " + permit + " in PostgreSQL" : null);
							return sleep(connection);
						}),
					(connection) -> leave(task, in, connection, shared, true),
					(connection, error) -> leave(task, in, connection, shared, false), (connection) -> {
						this.timeline.event(task, Event.CANCELLED);
						return QueryCanceller.stopRunningQuery(connection)
							.then(leave(task, in, connection, shared, false));
					});
		}

		private void entered(String task, AtomicBoolean in, @Nullable String detail) {
			in.set(true);
			this.timeline.event(task, Event.ACQUIRED, detail);
			this.peakInside.accumulateAndGet(this.inside.incrementAndGet(), Math::max);
			this.peakHeldAppWide.accumulateAndGet(SemaphoreDemoService.this.database.permits().held(), Math::max);
		}

		/**
		 * Gives the permit back, then the connection. In PostgreSQL's scope the permit
		 * goes with the transaction: the worker counts as out once it sends the commit
		 * (the next worker may get the permit before the commit's answer arrives here); a
		 * transaction that cannot end (its connection broke) is recorded, and PostgreSQL
		 * rolls it back as its backend goes.
		 */
		private Mono<Void> leave(String task, AtomicBoolean in, Connection connection, boolean transaction,
				boolean commit) {
			return Mono.defer(() -> {
				if (in.getAndSet(false)) {
					this.inside.decrementAndGet();
					this.timeline.event(task, Event.RELEASED);
				}
				if (!transaction) {
					return Mono.<Void>empty();
				}
				Publisher<Void> end = commit ? connection.commitTransaction() : connection.rollbackTransaction();
				return RunToEnd.runToEnd(Mono.from(end))
					.onErrorResume((error) -> Mono.fromRunnable(() -> this.timeline.event(task, Event.ERROR, error)));
			}).then(Mono.from(connection.close()));
		}

		/**
		 * {@code SELECT pg_sleep(q)}; if the worker is cancelled, PostgreSQL is asked to
		 * cancel the query too (the cancel path of {@link #query}), which ends it in the
		 * driver ({@link RunToEnd}).
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
	 * @param scope where its permits were counted
	 * @param replica the replica that ran the demo
	 * @param appWidePermits the app-wide connection semaphore
	 * @param queryMs how long each worker's query sleeps
	 * @param peakInside most workers holding a permit at once, counted in the app (with
	 * {@code scope=DATABASE}, a permit in PostgreSQL)
	 * @param peakPermitsHeldAppWide most app-wide permits held at once during the run, by
	 * anyone
	 * @param peakBackends most of this replica's backends PostgreSQL saw running the
	 * query at once
	 * @param peakBackendsAllReplicas most backends of every replica of this app
	 * PostgreSQL saw running the query at once
	 * @param idealMs ceil(callers / min(permits, appWidePermits)) x queryMs: the elapsed
	 * time with perfect packing
	 */
	record SemaphoreDemoResult(int callers, int permits, PermitScope scope, String replica, int appWidePermits,
			long queryMs, int peakInside, int peakPermitsHeldAppWide, int peakBackends, int peakBackendsAllReplicas,
			long idealMs) {
	}

}
