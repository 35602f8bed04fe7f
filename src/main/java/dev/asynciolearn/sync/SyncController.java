package dev.asynciolearn.sync;

import dev.asynciolearn.sync.EventService.EventResult;
import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.sync.QueueService.QueueResult;
import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 5: queues and synchronisation primitives.
 */
@RestController
@RequestMapping("/api/sync")
@Tag(name = "sync", description = "Queue, Lock, Semaphore, Event")
class SyncController {

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
	Mono<Report<QueueResult>> queue(@ParameterObject QueueRequest request) {
		return this.queue.run(request);
	}

	@Operation(summary = "The race: read, suspend, write on a shared counter loses updates unless locked")
	@GetMapping("/lock")
	Mono<Report<LockResult>> lock(@ParameterObject LockRequest request) {
		return this.lock.run(request);
	}

	@Operation(summary = "asyncio.Semaphore in memory: the peak inside the section equals the permits")
	@GetMapping("/semaphore")
	Mono<Report<SemaphoreResult>> semaphore(@ParameterObject SemaphoreRequest request) {
		return this.semaphore.run(request);
	}

	@Operation(summary = "asyncio.Event: set() releases every waiter at once; after clear() a new waiter waits")
	@GetMapping("/event")
	Mono<Report<EventResult>> event(@ParameterObject EventRequest request) {
		return this.event.run(request);
	}

}
