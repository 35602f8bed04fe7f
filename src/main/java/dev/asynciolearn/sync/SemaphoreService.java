package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.timeline.Concept;
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

	Mono<Report> run(int workers, int permits, Duration hold) {
		return Timeline.mono(SEMAPHORE, (timeline) -> {
			ReactiveSemaphore semaphore = new ReactiveSemaphore(permits);
			AtomicInteger inside = new AtomicInteger();
			AtomicInteger peak = new AtomicInteger();
			return Flux.range(0, workers).flatMap((i) -> semaphore.withPermit(() -> Mono.defer(() -> {
				peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
				timeline.event("worker-" + i, "enter");
				return Mono.delay(hold).doOnNext((tick) -> {
					inside.decrementAndGet();
					timeline.event("worker-" + i, "leave");
				});
			})), workers).then(Mono.fromSupplier(() -> {
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("workers", workers);
				result.put("permits", permits);
				result.put("peakInside", peak.get());
				result.put("idealMs", -Math.floorDiv(-workers, permits) * hold.toMillis());
				return timeline.report(result);
			}));
		});
	}

}
