package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.workbook.Attempt;
import dev.asynciolearn.workbook.sync.BoundedQueue;
import dev.asynciolearn.workbook.sync.Gate;
import dev.asynciolearn.workbook.sync.Limited;
import dev.asynciolearn.workbook.sync.LockedCounter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 5 as the learner wrote it ({@code -Pworkbook}): the learner's primitives under
 * the same workers as the demos beside them.
 */
@RestController
@RequestMapping("/api/workbook/sync")
@Tag(name = "workbook", description = "the workbook's exercises as you wrote them (with -Pworkbook)")
class WorkbookSyncController {

	private final Limited limited = new Limited();

	private final LockedCounter lockedCounter = new LockedCounter();

	@Operation(summary = "Your LockedCounter: workers of GET /api/sync/lock each read the counter, suspend 1 ms and "
			+ "write it plus one (useLock is ignored: the lock is yours); the count at the end")
	@GetMapping("/lock")
	Mono<Report<Attempt<Integer>>> lock(@ParameterObject LockRequest request) {
		AtomicInteger counter = new AtomicInteger();
		return Attempt.run(Attempt.yours(LockService.LOCK, "LockedCounter#incrementAll"),
				(timeline) -> this.lockedCounter.incrementAll(request.workers(), () -> Mono.fromCallable(() -> {
					int value = counter.get();
					timeline.event("counter", Event.READ, value);
					return value;
				}).delayElement(Duration.ofMillis(1)), (value) -> Mono.fromRunnable(() -> {
					counter.set(value);
					timeline.event("counter", Event.WRITE, value);
				})));
	}

	@Operation(summary = "Your Gate: the waiters of GET /api/sync/event wait on it, a setter sets it after "
			+ "setAfterMs; how many went on")
	@GetMapping("/event")
	Mono<Report<Attempt<Integer>>> event(@ParameterObject EventRequest request) {
		return Attempt.run(Attempt.yours(EventService.EVENT, "Gate"), (timeline) -> {
			Gate gate = new Gate();
			Mono<Void> setter = Mono.delay(Duration.ofMillis(request.setAfterMs())).doOnNext((tick) -> {
				timeline.event("setter", Event.CALL, "set()");
				gate.set();
			}).then();
			return Flux.range(0, request.waiters())
				.flatMap((i) -> gate.waitFor().transform(timeline.task("waiter-" + i, Event.WAIT, Event.DONE)).thenReturn(i))
				.count()
				.map(Long::intValue)
				.zipWith(setter.thenReturn(0), (released, set) -> released);
		});
	}

	@Operation(summary = "Your BoundedQueue(maxsize) between the producers and consumers of GET /api/sync/queue "
			+ "(kind is ignored: yours is first in, first out); the items, put as the demo puts them, in the order the consumers got them")
	@GetMapping("/queue")
	Mono<Report<Attempt<List<Integer>>>> queue(@ParameterObject QueueRequest request) {
		return Attempt.run(Attempt.yours(QueueService.QUEUE, "BoundedQueue"), (timeline) -> {
			BoundedQueue<Integer> queue = new BoundedQueue<>(request.maxsize());
			List<Integer> values = QueueService.values(request.items());
			AtomicInteger claimed = new AtomicInteger();
			List<Integer> got = new CopyOnWriteArrayList<>();
			Flux<Void> producers = Flux.range(0, request.producers())
				.flatMap((p) -> Flux.range(0, request.items())
					.filter((k) -> k % request.producers() == p)
					.concatMap((k) -> queue.put(values.get(k))
						.doOnSuccess((done) -> timeline.event("producer-" + p, Event.PUT, values.get(k)))));
			Flux<Void> consumers = Flux.range(0, request.consumers())
				.flatMap((c) -> Mono.delay(Duration.ofMillis(request.consumersStartAfterMs()))
					.thenMany(Flux.defer(() -> (claimed.getAndIncrement() < request.items()) ? queue.get()
						.doOnNext((item) -> {
							got.add(item);
							timeline.event("consumer-" + c, Event.GET, item);
						})
						.delayUntil((item) -> Mono.delay(Duration.ofMillis(request.consumeMs())))
						.then() : Mono.<Void>empty()).repeat(() -> claimed.get() < request.items())));
			return Mono.when(producers, consumers).then(Mono.fromSupplier(() -> List.copyOf(got)));
		});
	}

	@Operation(summary = "Your Limited around the workers of GET /api/sync/semaphore: each holds holdMs, at most "
			+ "permits at once")
	@GetMapping("/semaphore")
	Mono<Report<Attempt<List<Integer>>>> semaphore(@ParameterObject SemaphoreRequest request) {
		return Attempt.run(Attempt.yours(SemaphoreService.SEMAPHORE, "Limited#limited"), (timeline) -> this.limited
			.limited(IntStream.range(0, request.workers())
				.mapToObj((i) -> Mono.delay(Duration.ofMillis(request.holdMs()))
					.thenReturn(i)
					.transform(timeline.task("worker-" + i, Event.ACQUIRED, Event.RELEASED)))
				.toList(), request.permits())
			.collectList());
	}

}
