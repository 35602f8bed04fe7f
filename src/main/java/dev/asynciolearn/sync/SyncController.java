package dev.asynciolearn.sync;

import java.time.Duration;

import dev.asynciolearn.system.BadParameterException;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 5: queues and synchronisation primitives.
 */
@RestController
@RequestMapping("/api/sync")
@Tag(name = "sync", description = "Queue, Lock, Semaphore, Event")
class SyncController {

	static final long MAX_RUN_MS = 60_000;

	private final QueueService queue;

	private final LockService lock;

	private final SemaphoreService semaphore;

	private final EventService event;

	SyncController(QueueService queue, LockService lock, SemaphoreService semaphore, EventService event) {
		this.queue = queue;
		this.lock = lock;
		this.semaphore = semaphore;
		this.event = event;
	}

	@Operation(summary = "Producers and consumers share a bounded queue (FIFO, LIFO or priority); full means wait")
	@GetMapping("/queue")
	Mono<Report> queue(@RequestParam(defaultValue = "FIFO") AsyncQueue.Kind kind,
			@RequestParam(defaultValue = "2") @Range(min = 1, max = 1000,
					message = "must be between 1 and 1000") int maxsize,
			@RequestParam(defaultValue = "1") @Range(min = 1, max = 50,
					message = "must be between 1 and 50") int producers,
			@RequestParam(defaultValue = "1") @Range(min = 1, max = 50,
					message = "must be between 1 and 50") int consumers,
			@RequestParam(defaultValue = "4") @Range(min = 1, max = 10_000,
					message = "must be between 1 and 10000") int items,
			@RequestParam(defaultValue = "10") @Range(max = 1000,
					message = "must be between 0 and 1000") long consumeMs,
			@RequestParam(defaultValue = "100") @Range(max = 5000,
					message = "must be between 0 and 5000") long consumersStartAfterMs) {
		long longest = consumersStartAfterMs + (long) Math.ceil((double) items / consumers) * consumeMs;
		if (longest > MAX_RUN_MS) {
			throw new BadParameterException("items", "Parameters 'items', 'consumers', 'consumeMs': the run would take "
					+ longest + " ms, more than " + MAX_RUN_MS + " ms.");
		}
		return this.queue.run(kind, maxsize, producers, consumers, items, Duration.ofMillis(consumeMs),
				Duration.ofMillis(consumersStartAfterMs));
	}

	@Operation(summary = "The race: read, suspend, write on a shared counter loses updates unless locked")
	@GetMapping("/lock")
	Mono<Report> lock(
			@RequestParam(defaultValue = "50") @Range(min = 1, max = 1000,
					message = "must be between 1 and 1000") int workers,
			@RequestParam(defaultValue = "false") boolean useLock) {
		return this.lock.run(workers, useLock);
	}

	@Operation(summary = "asyncio.Semaphore in memory: the peak inside the section equals the permits")
	@GetMapping("/semaphore")
	Mono<Report> semaphore(
			@RequestParam(defaultValue = "100") @Range(min = 1, max = 1000,
					message = "must be between 1 and 1000") int workers,
			@RequestParam(defaultValue = "10") @Range(min = 1, max = 100,
					message = "must be between 1 and 100") int permits,
			@RequestParam(defaultValue = "50") @Range(max = 5000, message = "must be between 0 and 5000") long holdMs) {
		long ideal = (long) Math.ceil((double) workers / permits) * holdMs;
		if (ideal > MAX_RUN_MS) {
			throw new BadParameterException("holdMs",
					"Parameters 'workers', 'permits', 'holdMs': ceil(workers / permits)" + " x holdMs must be at most "
							+ MAX_RUN_MS + " ms; got " + ideal + " ms.");
		}
		return this.semaphore.run(workers, permits, Duration.ofMillis(holdMs));
	}

	@Operation(summary = "asyncio.Event: set() releases every waiter at once; after clear() a new waiter waits")
	@GetMapping("/event")
	Mono<Report> event(
			@RequestParam(defaultValue = "5") @Range(min = 1, max = 1000,
					message = "must be between 1 and 1000") int waiters,
			@RequestParam(defaultValue = "200") @Range(max = 10_000,
					message = "must be between 0 and 10000") long setAfterMs) {
		return this.event.run(waiters, Duration.ofMillis(setAfterMs));
	}

}
