package dev.asynciolearn.collections;

import dev.asynciolearn.collections.WaitOnVirtualThreads.ThreadWaitResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 3 on virtual threads: the same queries as {@link CollectionsController}, the
 * demos written as plain blocking Java.
 */
@RestController
@RequestMapping("/api/vthreads/collections")
@Tag(name = "virtual threads", description = "each concept as plain blocking Java on virtual threads")
class VirtualThreadCollectionsController {

	private final GatherOnVirtualThreads gather;

	private final WaitOnVirtualThreads wait;

	private final WaitForOnVirtualThreads waitFor;

	private final AsCompletedOnVirtualThreads asCompleted;

	VirtualThreadCollectionsController(GatherOnVirtualThreads gather, WaitOnVirtualThreads wait,
			WaitForOnVirtualThreads waitFor, AsCompletedOnVirtualThreads asCompleted) {
		this.gather = gather;
		this.wait = wait;
		this.waitFor = waitFor;
		this.asCompleted = asCompleted;
	}

	@Operation(summary = "asyncio.gather on virtual threads: invokeAll, futures in submission order; "
			+ "on failure, the first exception while the others finish")
	@GetMapping("/gather")
	Mono<Report<ThreadGatherResult>> gather(@ParameterObject GatherRequest request) {
		return this.gather.gather(request);
	}

	@Operation(summary = "asyncio.wait on virtual threads: tasks as Futures whose done() queues them, the queue "
			+ "taken until the condition or the timeout; nobody cancelled, the pending run on")
	@GetMapping("/wait")
	Mono<Report<ThreadWaitResult>> wait(@ParameterObject WaitRequest request) {
		return this.wait.wait(request);
	}

	@Operation(summary = "asyncio.wait_for on virtual threads: future.get(timeout), then cancel(true) "
			+ "interrupts the work")
	@GetMapping("/wait-for")
	Mono<Report<WaitForResult>> waitFor(@ParameterObject WaitForRequest request) {
		return this.waitFor.waitFor(request);
	}

	@Operation(summary = "asyncio.as_completed on virtual threads: a CompletionService polled until the deadline; "
			+ "the jobs still running then are left to run (NDJSON or SSE)")
	@GetMapping(path = "/as-completed",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<AsCompletedService.Completion> asCompleted(@ParameterObject AsCompletedRequest request) {
		return this.asCompleted.asCompleted(request);
	}

}
