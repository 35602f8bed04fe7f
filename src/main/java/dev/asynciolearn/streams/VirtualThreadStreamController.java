package dev.asynciolearn.streams;

import dev.asynciolearn.streams.ContextManagerService.ContextManagerResult;
import dev.asynciolearn.streams.StreamService.Item;
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
 * Chapter 4 on virtual threads: the same queries as {@link StreamController}, the demos
 * written as plain blocking Java.
 */
@RestController
@RequestMapping("/api/vthreads/streams")
@Tag(name = "virtual threads", description = "each concept as plain blocking Java on virtual threads")
class VirtualThreadStreamController {

	private final StreamsOnVirtualThreads streams;

	private final ContextManagerOnVirtualThreads contextManager;

	VirtualThreadStreamController(StreamsOnVirtualThreads streams, ContextManagerOnVirtualThreads contextManager) {
		this.streams = streams;
		this.contextManager = contextManager;
	}

	@Operation(summary = "async for over an iterator on a virtual thread: a blocking next(), pulled one item per "
			+ "request (NDJSON or SSE)")
	@GetMapping(path = "/iterator",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<Item> iterator(@ParameterObject StreamRequest request) {
		return this.streams.iterator(request);
	}

	@Operation(summary = "async for over a generator on a virtual thread: a lazy Stream, each step run when pulled "
			+ "(NDJSON or SSE)")
	@GetMapping(path = "/generator",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<Item> generator(@ParameterObject StreamRequest request) {
		return this.streams.generator(request);
	}

	@Operation(summary = "async with on virtual threads: try-with-resources; close() runs on success, error and "
			+ "interruption, and wait_for waits for it")
	@GetMapping("/context-manager")
	Mono<Report<ContextManagerResult>> contextManager(@ParameterObject ContextManagerRequest request) {
		return this.contextManager.run(request);
	}

}
