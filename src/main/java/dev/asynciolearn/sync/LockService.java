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
 * The race condition of {@code example_lock.py}: each worker reads a shared counter,
 * suspends, and writes the value it read plus one. Without a lock, updates are lost; with
 * {@code async with lock:} around read-suspend-write, none are.
 * <p>
 * The difference that matters: Reactor has no {@code Lock}. A one-permit
 * {@link ReactiveSemaphore} is the non-blocking lock here, released on error and
 * cancellation; the more idiomatic Reactor answer is not to share the state at all and
 * let one sequential pipeline ({@code concatMap}) own it.
 */
@Service
class LockService {

	static final Concept LOCK = new Concept("Lock: read, suspend, write is a race unless locked",
			"async def worker():\n    async with lock:\n        v = counter; await asyncio.sleep(0.001); counter = v + 1",
			"lock.withPermit(() -> Mono.fromSupplier(counter::get).delayElement(1ms).doOnNext((v) -> counter.set(v + 1)))"
					+ "  // lock = a ReactiveSemaphore with 1 permit");

	private static final Duration SUSPEND = Duration.ofMillis(1);

	Mono<Report> run(int workers, boolean useLock) {
		return Timeline.mono(LOCK, (timeline) -> {
			AtomicInteger counter = new AtomicInteger();
			ReactiveSemaphore lock = new ReactiveSemaphore(1);
			return Flux.range(0, workers).flatMap((i) -> {
				Mono<Void> section = readSuspendWrite(timeline, "worker-" + i, counter);
				return useLock ? lock.withPermit(() -> section) : section;
			}, workers).then(Mono.fromSupplier(() -> {
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("workers", workers);
				result.put("useLock", useLock);
				result.put("expected", workers);
				result.put("final", counter.get());
				result.put("lostUpdates", workers - counter.get());
				return timeline.report(result);
			}));
		});
	}

	private static Mono<Void> readSuspendWrite(Timeline timeline, String worker, AtomicInteger counter) {
		return Mono.defer(() -> {
			int read = counter.get();
			timeline.event(worker, "read " + read);
			return Mono.delay(SUSPEND).doOnNext((tick) -> {
				counter.set(read + 1);
				timeline.event(worker, "write " + (read + 1));
			}).then();
		});
	}

}
