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
 * Chapter 5 on virtual threads: the same queries as {@link SyncController}, the demos
 * written as plain blocking Java.
 */
@RestController
@RequestMapping("/api/vthreads/sync")
@Tag(name = "virtual threads", description = "each concept as plain blocking Java on virtual threads")
class VirtualThreadSyncController {

	private final QueueOnVirtualThreads queue;

	private final LockOnVirtualThreads lock;

	private final SemaphoreOnVirtualThreads semaphore;

	private final EventOnVirtualThreads event;

	VirtualThreadSyncController(QueueOnVirtualThreads queue, LockOnVirtualThreads lock,
			SemaphoreOnVirtualThreads semaphore, EventOnVirtualThreads event) {
		this.queue = queue;
		this.lock = lock;
		this.semaphore = semaphore;
		this.event = event;
	}

	@Operation(summary = "Producers and consumers on virtual threads share a bounded BlockingQueue (FIFO, LIFO or "
			+ "priority); put blocks while it is full")
	@GetMapping("/queue")
	Mono<Report<QueueResult>> queue(@ParameterObject QueueRequest request) {
		return this.queue.run(request);
	}

	@Operation(summary = "The race on virtual threads: read, sleep, write loses updates unless a ReentrantLock "
			+ "guards it; how many varies, as threads run in parallel")
	@GetMapping("/lock")
	Mono<Report<LockResult>> lock(@ParameterObject LockRequest request) {
		return this.lock.run(request);
	}

	@Operation(summary = "asyncio.Semaphore on virtual threads: java.util.concurrent.Semaphore, one virtual thread "
			+ "per worker; the peak inside equals the permits")
	@GetMapping("/semaphore")
	Mono<Report<SemaphoreResult>> semaphore(@ParameterObject SemaphoreRequest request) {
		return this.semaphore.run(request);
	}

	@Operation(summary = "asyncio.Event on virtual threads: a CountDownLatch of one releases every waiter; "
			+ "clear() is a new latch")
	@GetMapping("/event")
	Mono<Report<EventResult>> event(@ParameterObject EventRequest request) {
		return this.event.run(request);
	}

}
