package dev.asynciolearn.offload;

import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * {@code await asyncio.to_thread(f)} is
 * {@code Mono.fromCallable(f).subscribeOn(Schedulers.boundedElastic())}: the blocking
 * call runs on a worker thread while the event loop goes on serving other requests.
 * <p>
 * The difference that matters: asyncio resumes the awaiting coroutine on its single loop
 * thread, while Reactor carries on with the rest of the pipeline on whichever thread
 * emitted (the worker, or the timer's {@code parallel-*} thread after a delay) and Netty
 * hands the response back to its event loop for writing. The timelines show every hop.
 */
@Service
class OffloadService {

	static final Concept IO = new Concept("to_thread: pure I/O",
			"await asyncio.sleep(delay)  # stands for a network call; nothing blocks", "Mono.delay(delay)");

	static final Concept FILE = new Concept("to_thread: blocking file read, offloaded",
			"await asyncio.to_thread(read_file, name)",
			"Mono.fromCallable(() -> readAndHash(name)).subscribeOn(Schedulers.boundedElastic())");

	static final Concept FILE_BLOCKING = new Concept("ANTI-PATTERN: blocking file read on the event loop",
			"read_file(name)  # called directly inside async def: the whole loop stops until it returns",
			"Mono.fromCallable(() -> readAndHash(name))  // no subscribeOn: runs on the event-loop thread");

	static final Concept MIXED = new Concept("to_thread: I/O, offloaded read, I/O",
			"await asyncio.sleep(delay); data = await asyncio.to_thread(read_file, name); await asyncio.sleep(delay)",
			"Mono.delay(delay).then(offloadedRead).flatMap((data) -> Mono.delay(delay).thenReturn(data))");

	static final Concept LONG_TASK = new Concept("to_thread: long blocking task beside a ticking stream",
			"ticker = asyncio.create_task(tick_forever()); await asyncio.to_thread(time.sleep, work); ticker.cancel()",
			"Flux.interval(ZERO, tick).takeUntilOther(job).concatWith(report)"
					+ " with job = Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())");

	private static final String REQUEST = "request";

	private final DataFolder folder;

	private final OffloadProperties properties;

	private final AtomicInteger blockingCallsRunning = new AtomicInteger();

	private final AtomicInteger blockingCallsQueued = new AtomicInteger();

	OffloadService(DataFolder folder, OffloadProperties properties) {
		this.folder = folder;
		this.properties = properties;
	}

	Mono<Report> io(Duration delay) {
		return Timeline.mono(IO, (timeline) -> {
			timeline.event(REQUEST, "start");
			return ioWait(timeline, "io", delay).map((tick) -> done(timeline, new IoResult(delay.toMillis())));
		});
	}

	Mono<Report> file(String name, Duration latency) {
		return Timeline.mono(FILE, (timeline) -> {
			timeline.event(REQUEST, "start");
			return offloadedRead(timeline, name, latency).map((digest) -> done(timeline, digest));
		});
	}

	Mono<Report> fileBlocking(String name, Duration latency) {
		return Timeline.mono(FILE_BLOCKING, (timeline) -> {
			timeline.event(REQUEST, "start");
			return blockingRead(timeline, name, latency).map((digest) -> done(timeline, digest));
		});
	}

	Mono<Report> mixed(Duration delay, String name, Duration latency) {
		return Timeline.mono(MIXED, (timeline) -> {
			timeline.event(REQUEST, "start");
			return ioWait(timeline, "io-before", delay).then(offloadedRead(timeline, name, latency))
				.flatMap((digest) -> ioWait(timeline, "io-after", delay).thenReturn(digest))
				.map((digest) -> done(timeline, new MixedResult(delay.toMillis(), digest)));
		});
	}

	/**
	 * Ticks every {@code tick} from a non-blocking timer while a blocking job of
	 * {@code work} runs on a worker; the last signal carries the job's report. Cancelling
	 * the returned flux stops the ticks and interrupts the job.
	 */
	Flux<LongTaskSignal> longTask(Duration work, Duration tick) {
		return Timeline.flux(LONG_TASK, (timeline) -> {
			timeline.event(REQUEST, "start");
			AtomicLong ticks = new AtomicLong();
			Mono<Long> job = offloaded(Mono.fromCallable(() -> runBlocking(timeline, "job", () -> {
				Thread.sleep(work.toMillis());
				return work.toMillis();
			}))).doOnSubscribe((s) -> timeline.event("job", "hop"));
			AtomicLong workDone = new AtomicLong();
			Flux<LongTaskSignal> ticker = Flux.interval(Duration.ZERO, tick)
				.onBackpressureDrop()
				.map((n) -> new Tick(n, timeline.elapsedMs(), Thread.currentThread().getName()));
			// Ticks stop when the job is done, and the report comes after the last one,
			// so it counts exactly the ticks the client saw.
			Flux<LongTaskSignal> seen = ticker.takeUntilOther(job.doOnNext(workDone::set)).doOnNext((t) -> {
				timeline.event("ticker", "tick");
				ticks.incrementAndGet();
			});
			return seen
				.concatWith(Mono.fromSupplier(() -> new Finished(done(timeline, new LongTaskResult(workDone.get(),
						tick.toMillis(), ticks.get(), workDone.get() / tick.toMillis())))));
		});
	}

	Mono<List<DataFolder.DataFile>> files() {
		return Mono.fromCallable(this.folder::list).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Blocking calls running right now, offloaded or not: zero once every request has
	 * finished or been cancelled.
	 * @return the number of blocking calls in progress
	 */
	int blockingCallsRunning() {
		return this.blockingCallsRunning.get();
	}

	/**
	 * Offloaded calls waiting for a free boundedElastic thread.
	 * @return the number of offloaded calls not yet started
	 */
	int blockingCallsQueued() {
		return this.blockingCallsQueued.get();
	}

	Duration defaultLatency() {
		return this.properties.defaultLatency();
	}

	private Mono<FileDigest> offloadedRead(Timeline timeline, String name, Duration latency) {
		return offloaded(blockingRead(timeline, name, latency)).doOnSubscribe((s) -> timeline.event("read", "hop"));
	}

	/**
	 * {@code subscribeOn(Schedulers.boundedElastic())}, counting the calls that wait for
	 * a free boundedElastic thread: it has ten per core, and further calls queue.
	 */
	private <T> Mono<T> offloaded(Mono<T> blocking) {
		return Mono.defer(() -> {
			AtomicBoolean queued = new AtomicBoolean(true);
			this.blockingCallsQueued.incrementAndGet();
			Runnable leaveQueue = () -> {
				if (queued.compareAndSet(true, false)) {
					this.blockingCallsQueued.decrementAndGet();
				}
			};
			// doOnSubscribe, upstream of subscribeOn, runs once a worker takes the call.
			// doFinally covers a call cancelled while it still queued.
			return blocking.doOnSubscribe((s) -> leaveQueue.run())
				.subscribeOn(Schedulers.boundedElastic())
				.doFinally((signal) -> leaveQueue.run());
		});
	}

	private Mono<FileDigest> blockingRead(Timeline timeline, String name, Duration latency) {
		return Mono
			.fromCallable(() -> runBlocking(timeline, "read", () -> this.folder.readAndHash(name, latency.toMillis())));
	}

	/**
	 * Run a blocking call on the current thread, recording it; an interrupt (the
	 * subscriber cancelled) ends it quietly with no value.
	 */
	private <T> T runBlocking(Timeline timeline, String task, Callable<T> call) throws Exception {
		this.blockingCallsRunning.incrementAndGet();
		timeline.event(task, "start");
		try {
			T result = call.call();
			timeline.event(task, "done");
			return result;
		}
		catch (InterruptedException | ClosedByInterruptException ex) {
			timeline.event(task, "cancelled");
			Thread.currentThread().interrupt();
			return null;
		}
		catch (Exception ex) {
			timeline.event(task, "error");
			throw ex;
		}
		finally {
			this.blockingCallsRunning.decrementAndGet();
		}
	}

	private static Mono<Long> ioWait(Timeline timeline, String task, Duration delay) {
		return Mono.delay(delay)
			.doOnSubscribe((s) -> timeline.event(task, "suspend"))
			.doOnNext((tick) -> timeline.event(task, "resume"))
			.doOnCancel(() -> timeline.event(task, "cancelled"));
	}

	private static Report done(Timeline timeline, Object result) {
		timeline.event(REQUEST, "done");
		return timeline.report(result);
	}

	record IoResult(long delayMs) {
	}

	record MixedResult(long delayMs, FileDigest file) {
	}

	record LongTaskResult(long workMs, long tickMs, long ticks, long ticksExpected) {
	}

	/** What the long-task stream emits: ticks, then the job's report. */
	sealed interface LongTaskSignal permits Tick, Finished {

	}

	/**
	 * One tick of the timer.
	 *
	 * @param n the tick's number, from 0
	 * @param atMs when it fired, since the stream started
	 * @param thread the thread that ran it
	 */
	record Tick(long n, double atMs, String thread) implements LongTaskSignal {
	}

	/**
	 * The job finished.
	 *
	 * @param report the report of the whole stream
	 */
	record Finished(Report report) implements LongTaskSignal {
	}

}
