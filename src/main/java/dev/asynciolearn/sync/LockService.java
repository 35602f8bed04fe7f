package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * The race condition of {@code example_lock.py}: each worker reads a shared counter,
 * suspends, and writes the value it read plus one. Without a lock, updates are lost; with
 * {@code async with lock:} around read-suspend-write, none are.
 * <p>
 * The race runs on {@code Schedulers.single()}, one thread like asyncio's loop: every
 * worker reads in the same turn, and the writes come only after, so without the lock the
 * counter ends at 1 every time, as in asyncio. (On Reactor's usual threads the timers
 * fire on {@code parallel-*} while other workers are still reading, and the count varies
 * from run to run.)
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
			"lock.withPermit(() -> Mono.fromSupplier(counter::get).delayElement(1ms, loop).doOnNext((v) -> counter.set(v + 1)))"
					+ "  // lock = a ReactiveSemaphore with 1 permit; loop = Schedulers.single()");

	private static final Duration SUSPEND = Duration.ofMillis(1);

	Mono<Report<LockResult>> run(LockRequest request) {
		int workers = request.workers();
		boolean useLock = request.useLock();
		return Timeline.mono(LOCK, (timeline) -> {
			AtomicInteger counter = new AtomicInteger();
			ReactiveSemaphore lock = new ReactiveSemaphore(1);
			Scheduler loop = Schedulers.single();
			return Flux.range(0, workers).flatMap((i) -> {
				Mono<Void> section = readSuspendWrite(timeline, "worker-" + i, counter, loop);
				return useLock ? lock.withPermit(() -> section) : section;
			}, workers)
				.subscribeOn(loop)
				.then(Mono.fromSupplier(
						() -> new LockResult(workers, useLock, workers, counter.get(), workers - counter.get())));
		});
	}

	private static Mono<Void> readSuspendWrite(Timeline timeline, String worker, AtomicInteger counter,
			Scheduler loop) {
		return Mono.defer(() -> {
			int read = counter.get();
			timeline.event(worker, Event.READ, read);
			return Mono.delay(SUSPEND, loop).doOnNext((tick) -> {
				counter.set(read + 1);
				timeline.event(worker, Event.WRITE, read + 1);
			}).then();
		});
	}

	/**
	 * What the workers left in the counter.
	 *
	 * @param workers workers that each added one
	 * @param useLock whether they held the lock
	 * @param expected what the counter should read
	 * @param finalCount what it reads
	 * @param lostUpdates expected minus final: updates overwritten by the race
	 */
	record LockResult(int workers, boolean useLock, int expected, @JsonProperty("final") int finalCount,
			int lostUpdates) {
	}

}
