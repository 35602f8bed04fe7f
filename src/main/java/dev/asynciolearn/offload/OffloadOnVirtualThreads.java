package dev.asynciolearn.offload;

import java.time.Duration;

import dev.asynciolearn.offload.OffloadService.IoResult;
import dev.asynciolearn.offload.OffloadService.MixedResult;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code await asyncio.to_thread(read_file, name)} on virtual threads is nothing at all:
 * the demo, on its own virtual thread, calls the blocking read where it stands, and
 * sleeps where asyncio awaits a network call. There is no second thread to hop to.
 * <p>
 * The difference that matters: a virtual thread that sleeps (or waits on a socket) gives
 * its carrier back, so the step after it may run on another carrier, as the timeline
 * shows; a file read cannot give it back (the JDK has no non-blocking file I/O to park
 * on), so the carrier stays with the read and the scheduler lends the others an extra
 * carrier meanwhile. Either way no other request waits, which is what {@code to_thread}
 * is for in asyncio.
 */
@Service
class OffloadOnVirtualThreads {

	static final Concept IO = new Concept("to_thread on virtual threads: pure I/O",
			"await asyncio.sleep(delay)  # stands for a network call; nothing blocks",
			"Thread.sleep(delay);  // the virtual thread parks and gives its carrier back");

	static final Concept FILE = new Concept("to_thread on virtual threads: the blocking read, where it stands",
			"await asyncio.to_thread(read_file, name)", "readAndHash(name);  // plain blocking call, no hop");

	static final Concept MIXED = new Concept("to_thread on virtual threads: I/O, read, I/O",
			"await asyncio.sleep(delay); data = await asyncio.to_thread(read_file, name); await asyncio.sleep(delay)",
			"Thread.sleep(delay); data = readAndHash(name); Thread.sleep(delay);");

	private final SlowStorage storage;

	private final Duration defaultLatency;

	OffloadOnVirtualThreads(SlowStorage storage, OffloadProperties properties) {
		this.storage = storage;
		this.defaultLatency = properties.defaultLatency();
	}

	Mono<Report<IoResult>> io(IoRequest request) {
		Duration delay = Duration.ofMillis(request.delayMs());
		return VirtualThreadDemo.run(IO, (timeline) -> {
			sleep(timeline, "io", delay);
			return new IoResult(delay.toMillis());
		});
	}

	Mono<Report<FileDigest>> file(FileRequest request) {
		return VirtualThreadDemo.run(FILE, (timeline) -> read(timeline, request.name(), request.latencyMs()));
	}

	Mono<Report<MixedResult>> mixed(MixedRequest request) {
		Duration delay = Duration.ofMillis(request.delayMs());
		return VirtualThreadDemo.run(MIXED, (timeline) -> {
			sleep(timeline, "io-before", delay);
			FileDigest digest = read(timeline, request.name(), request.latencyMs());
			sleep(timeline, "io-after", delay);
			return new MixedResult(delay.toMillis(), digest);
		});
	}

	private static void sleep(Timeline timeline, String task, Duration delay) throws InterruptedException {
		timeline.event(task, Event.SUSPEND);
		Thread.sleep(delay);
		timeline.event(task, Event.RESUME);
	}

	private FileDigest read(Timeline timeline, String name, @Nullable Long latencyMs) throws Exception {
		timeline.event("read", Event.START);
		FileDigest digest = this.storage.readAndHash(name,
				(latencyMs != null) ? Duration.ofMillis(latencyMs) : this.defaultLatency);
		timeline.event("read", Event.DONE);
		return digest;
	}

}
