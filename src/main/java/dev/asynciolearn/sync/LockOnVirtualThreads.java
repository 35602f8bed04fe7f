package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code example_lock.py}'s race on virtual threads: each worker, on a virtual thread of
 * its own, reads a shared counter, sleeps, and writes what it read plus one. Without a
 * lock updates are lost; with a {@code ReentrantLock} around read-sleep-write, none are.
 * <p>
 * The difference that matters: asyncio's workers take turns on one thread and switch only
 * at an {@code await}, so the race needs the {@code await} inside the section; virtual
 * threads run in parallel on several carriers (one per core), so two of them can be
 * between the read and the write at the same instant even with no sleep in between. How
 * many updates are lost varies from run to run here, where asyncio loses all but one
 * every time.
 */
@Service
class LockOnVirtualThreads {

	static final Concept LOCK = new Concept("Lock on virtual threads: read, sleep, write is a race unless locked",
			"async def worker():\n    async with lock:\n        v = counter; await asyncio.sleep(0.001); counter = v + 1",
			"lock.lock();\ntry { int v = counter.get(); Thread.sleep(1); counter.set(v + 1); } finally { lock.unlock(); }");

	private static final Duration SUSPEND = Duration.ofMillis(1);

	Mono<Report<LockResult>> run(LockRequest request) {
		return VirtualThreadDemo.run(LOCK, (timeline) -> run(request, timeline));
	}

	/**
	 * The demo itself, on the calling thread.
	 */
	LockResult run(LockRequest request, Timeline timeline) throws InterruptedException {
		int workers = request.workers();
		AtomicInteger counter = new AtomicInteger();
		ReentrantLock lock = new ReentrantLock();
		VirtualThreadDemo.runAll("worker-", workers, (i) -> {
			if (request.useLock()) {
				lock.lockInterruptibly();
			}
			try {
				int read = counter.get();
				timeline.event("worker-" + i, Event.READ, read);
				Thread.sleep(SUSPEND);
				counter.set(read + 1);
				timeline.event("worker-" + i, Event.WRITE, read + 1);
			}
			finally {
				if (request.useLock()) {
					lock.unlock();
				}
			}
		});
		return new LockResult(workers, request.useLock(), workers, counter.get(), workers - counter.get());
	}

}
