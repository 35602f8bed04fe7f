package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.system.RunLimit;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code asyncio.Semaphore(permits)} in memory: at most {@code permits} workers inside
 * the section at once, the others wait without holding a thread. (The database version,
 * with real connections, is {@code POST /api/db/semaphore}.)
 */
@Service
class SemaphoreService {

	static final Concept SEMAPHORE = new Concept("Semaphore: at most n inside at once",
			"sem = asyncio.Semaphore(permits)\nasync def worker():\n    async with sem: await asyncio.sleep(hold)",
			"sem.withPermit(() -> Mono.delay(hold))  // sem = ReactiveSemaphore(permits), on reactor-pool");

	Mono<Report<SemaphoreResult>> run(SemaphoreRequest request) {
		int workers = request.workers();
		int permits = request.permits();
		Duration hold = Duration.ofMillis(request.holdMs());
		return Timeline.mono(SEMAPHORE, (timeline) -> {
			ReactiveSemaphore semaphore = new ReactiveSemaphore(permits);
			AtomicInteger inside = new AtomicInteger();
			AtomicInteger peak = new AtomicInteger();
			return Flux.range(0, workers).flatMap((i) -> semaphore.withPermit(() -> Mono.defer(() -> {
				peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
				timeline.event("worker-" + i, Event.ACQUIRED);
				return Mono.delay(hold).doOnNext((tick) -> {
					inside.decrementAndGet();
					timeline.event("worker-" + i, Event.RELEASED);
				});
			})), workers)
				.then(Mono.fromSupplier(() -> new SemaphoreResult(workers, permits, peak.get(),
						RunLimit.rounds(workers, permits) * hold.toMillis())));
		});
	}

	/**
	 * How many were inside at once.
	 *
	 * @param workers workers that entered once each
	 * @param permits the semaphore's permits
	 * @param peakInside the most workers inside at once: the permits, never more
	 * @param idealMs ceil(workers / permits) x holdMs: the elapsed time with perfect
	 * packing
	 */
	record SemaphoreResult(int workers, int permits, int peakInside, long idealMs) {
	}

}
