package dev.asynciolearn.offload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

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

	private static final long BLOCKING = Long.MAX_VALUE;

	private final ToThread toThread;

	private final SlowStorage storage;

	private final DataFolder folder;

	private final Duration defaultLatency;

	/** When the next anti-pattern call may start ({@code System.nanoTime()}). */
	private final AtomicLong blockingFreeAt = new AtomicLong(System.nanoTime());

	OffloadService(ToThread toThread, SlowStorage storage, DataFolder folder, OffloadProperties properties) {
		this.toThread = toThread;
		this.storage = storage;
		this.folder = folder;
		this.defaultLatency = properties.defaultLatency();
	}

	Mono<Report<IoResult>> io(IoRequest request) {
		Duration delay = Duration.ofMillis(request.delayMs());
		return Timeline.request(IO,
				(timeline) -> ioWait(timeline, "io", delay).thenReturn(new IoResult(delay.toMillis())));
	}

	Mono<Report<FileDigest>> file(FileRequest request) {
		return Timeline.request(FILE,
				(timeline) -> offloadedRead(timeline, request.name(), latency(request.latencyMs())));
	}

	/**
	 * The anti-pattern, with its damage bounded: one call at a time, for at most
	 * {@link BlockingFileRequest#MAX_LATENCY_MS} plus the read, then a pause as long as
	 * it blocked before the next (the others get a 429); a missing file is a 404 before
	 * any blocking. The pause matters: requests that queued on the blocked loop are
	 * served right after it, and would otherwise block it again, one after the other.
	 */
	Mono<Report<FileDigest>> fileBlocking(BlockingFileRequest request) {
		return Mono.defer(() -> {
			long free = this.blockingFreeAt.get();
			if (free == BLOCKING || System.nanoTime() - free < 0
					|| !this.blockingFreeAt.compareAndSet(free, BLOCKING)) {
				return Mono.error(ApiProblem.tooManyRequests("The anti-pattern is already running",
						"One blocking read on an event loop runs at a time, then none for as long as it blocked, "
								+ "so that the demonstration cannot freeze the service; try again in a moment.",
						Duration.ofMillis(2 * BlockingFileRequest.MAX_LATENCY_MS)));
			}
			long start = System.nanoTime();
			return Timeline
				.request(FILE_BLOCKING,
						(timeline) -> blockingRead(timeline, request.name(), latency(request.latencyMs())))
				.doFinally((signal) -> {
					long end = System.nanoTime();
					this.blockingFreeAt.set(end + (end - start));
				});
		});
	}

	Mono<Report<MixedResult>> mixed(MixedRequest request) {
		Duration delay = Duration.ofMillis(request.delayMs());
		return Timeline.request(MIXED,
				(timeline) -> ioWait(timeline, "io-before", delay)
					.then(offloadedRead(timeline, request.name(), latency(request.latencyMs())))
					.flatMap((digest) -> ioWait(timeline, "io-after", delay).thenReturn(digest))
					.map((digest) -> new MixedResult(delay.toMillis(), digest)));
	}

	Mono<List<DataFolder.DataFile>> files() {
		return this.toThread.offload(Mono.fromCallable(this.folder::list));
	}

	private Duration latency(@Nullable Long latencyMs) {
		return (latencyMs != null) ? Duration.ofMillis(latencyMs) : this.defaultLatency;
	}

	private Mono<FileDigest> offloadedRead(Timeline timeline, String name, Duration latency) {
		return this.toThread.offload(blockingRead(timeline, name, latency))
			.doOnSubscribe((s) -> timeline.event("read", Event.HOP));
	}

	private Mono<FileDigest> blockingRead(Timeline timeline, String name, Duration latency) {
		return Mono
			.fromCallable(() -> this.toThread.run(timeline, "read", () -> this.storage.readAndHash(name, latency)));
	}

	private static Mono<Long> ioWait(Timeline timeline, String task, Duration delay) {
		return Mono.delay(delay).transform(timeline.task(task, Event.SUSPEND, Event.RESUME));
	}

	/**
	 * @param delayMs how long the simulated network call took
	 */
	record IoResult(long delayMs) {
	}

	/**
	 * @param delayMs each simulated network call, before and after the read
	 * @param file what the offloaded read found
	 */
	record MixedResult(long delayMs, FileDigest file) {
	}

}
