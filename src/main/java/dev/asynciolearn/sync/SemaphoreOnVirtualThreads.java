package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
import dev.asynciolearn.system.RunLimit;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code asyncio.Semaphore(permits)} on virtual threads is
 * {@code java.util.concurrent.Semaphore}: one virtual thread per worker, at most
 * {@code permits} of them inside at once, the others parked in {@code acquire()}.
 * <p>
 * The difference that matters: a parked virtual thread gives its carrier back, so a
 * thousand workers waiting for ten permits hold a few carrier threads, as a thousand
 * coroutines hold one loop; and the permit goes back in {@code finally}, as
 * {@code async with} gives it back, on an exception and on an interruption alike.
 */
@Service
class SemaphoreOnVirtualThreads {

	static final Concept SEMAPHORE = new Concept("Semaphore on virtual threads: at most n inside at once",
			"sem = asyncio.Semaphore(permits)\nasync def worker():\n    async with sem: await asyncio.sleep(hold)",
			"semaphore.acquire();\ntry { Thread.sleep(hold); } finally { semaphore.release(); }"
					+ "  // one virtual thread per worker");

	Mono<Report<SemaphoreResult>> run(SemaphoreRequest request) {
		return VirtualThreadDemo.run(SEMAPHORE, (timeline) -> run(request, timeline));
	}

	/**
	 * The demo itself, on the calling thread.
	 */
	SemaphoreResult run(SemaphoreRequest request, Timeline timeline) throws InterruptedException {
		int permits = request.permits();
		Duration hold = Duration.ofMillis(request.holdMs());
		Semaphore semaphore = new Semaphore(permits, true);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		VirtualThreadDemo.runAll("worker-", request.workers(), (i) -> {
			semaphore.acquire();
			try {
				peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
				timeline.event("worker-" + i, Event.ACQUIRED);
				Thread.sleep(hold);
				timeline.event("worker-" + i, Event.RELEASED);
			}
			finally {
				inside.decrementAndGet();
				semaphore.release();
			}
		});
		return new SemaphoreResult(request.workers(), permits, peak.get(),
				RunLimit.rounds(request.workers(), permits) * hold.toMillis());
	}

}
