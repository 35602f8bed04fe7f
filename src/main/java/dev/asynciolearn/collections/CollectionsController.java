package dev.asynciolearn.collections;

import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 3, collections of tasks: {@code gather}, {@code wait}, {@code wait_for},
 * {@code as_completed}.
 */
@RestController
@RequestMapping("/api/collections")
@Tag(name = "collections", description = "gather, wait, wait_for, as_completed")
class CollectionsController {

	private final GatherService gather;

	private final WaitService wait;

	private final WaitForService waitFor;

	private final AsCompletedService asCompleted;

	CollectionsController(GatherService gather, WaitService wait, WaitForService waitFor,
			AsCompletedService asCompleted) {
		this.gather = gather;
		this.wait = wait;
		this.waitFor = waitFor;
		this.asCompleted = asCompleted;
	}

	@Operation(summary = "asyncio.gather: results in submission order; on failure, Mono.zip beside a real gather")
	@GetMapping("/gather")
	Mono<Report<GatherResult>> gather(@ParameterObject GatherRequest request) {
		return this.gather.gather(request);
	}

	@Operation(
			summary = "asyncio.wait: done and pending tasks when the condition or timeout is met; pending ones run on")
	@ApiResponse(responseCode = "200", description = "The report: done and pending tasks")
	@ApiResponse(responseCode = "429",
			description = "Too many of this demo's tasks still pending, across requests "
					+ "(Retry-After says when to retry)")
	@GetMapping("/wait")
	Mono<Report<WaitResult>> wait(@ParameterObject WaitRequest request) {
		return this.wait.wait(request);
	}

	@Operation(summary = "asyncio.wait_for: the work finishes in time, or is cancelled and TimeoutError is raised")
	@GetMapping("/wait-for")
	Mono<Report<WaitForResult>> waitFor(@ParameterObject WaitForRequest request) {
		return this.waitFor.waitFor(request);
	}

	@Operation(summary = "asyncio.as_completed: each result as it completes (NDJSON or SSE), one overall deadline")
	@GetMapping(path = "/as-completed",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<AsCompletedService.Completion> asCompleted(@ParameterObject AsCompletedRequest request) {
		return this.asCompleted.asCompleted(request);
	}

}
