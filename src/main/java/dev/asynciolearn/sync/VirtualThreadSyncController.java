package dev.asynciolearn.sync;

import dev.asynciolearn.sync.LockService.LockResult;
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

	private final LockOnVirtualThreads lock;

	private final SemaphoreOnVirtualThreads semaphore;

	VirtualThreadSyncController(LockOnVirtualThreads lock, SemaphoreOnVirtualThreads semaphore) {
		this.lock = lock;
		this.semaphore = semaphore;
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

}
