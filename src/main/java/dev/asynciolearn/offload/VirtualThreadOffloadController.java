package dev.asynciolearn.offload;

import dev.asynciolearn.offload.OffloadService.IoResult;
import dev.asynciolearn.offload.OffloadService.MixedResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code to_thread} chapter on virtual threads: the same queries as
 * {@link OffloadController}, the demos written as plain blocking Java.
 */
@RestController
@RequestMapping("/api/vthreads/offload")
@Tag(name = "virtual threads", description = "each concept as plain blocking Java on virtual threads")
class VirtualThreadOffloadController {

	private final OffloadOnVirtualThreads service;

	private final LongTaskOnVirtualThreads longTask;

	VirtualThreadOffloadController(OffloadOnVirtualThreads service, LongTaskOnVirtualThreads longTask) {
		this.service = service;
		this.longTask = longTask;
	}

	@Operation(summary = "Pure I/O on a virtual thread: Thread.sleep(delay) parks it and frees its carrier")
	@GetMapping("/io")
	Mono<Report<IoResult>> io(@ParameterObject IoRequest request) {
		return this.service.io(request);
	}

	@Operation(summary = "to_thread on a virtual thread is no hop at all: the blocking read where it stands")
	@ApiResponse(responseCode = "200", description = "The report of the read")
	@ApiResponse(responseCode = "404", description = "No file of this name in the data folder")
	@GetMapping("/file")
	Mono<Report<FileDigest>> file(@ParameterObject FileRequest request) {
		return this.service.file(request);
	}

	@Operation(summary = "I/O, the read, I/O again, all on one virtual thread; its carrier may change at each sleep")
	@ApiResponse(responseCode = "200", description = "The report of the three steps")
	@ApiResponse(responseCode = "404", description = "No file of this name in the data folder")
	@GetMapping("/mixed")
	Mono<Report<MixedResult>> mixed(@ParameterObject MixedRequest request) {
		return this.service.mixed(request);
	}

	@Operation(summary = "A long blocking job on a virtual thread while the request's thread ticks, waiting for it one "
			+ "period at a time (Server-Sent Events)")
	@GetMapping(path = "/long-task", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> longTask(@ParameterObject LongTaskRequest request) {
		return this.longTask.longTask(request).map(OffloadController::event);
	}

}
