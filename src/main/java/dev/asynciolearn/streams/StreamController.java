package dev.asynciolearn.streams;

import dev.asynciolearn.streams.ContextManagerService.ContextManagerResult;
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
 * Chapter 4: async iterators, async generators and async context managers.
 */
@RestController
@RequestMapping("/api/streams")
@Tag(name = "streams", description = "async iterators, async generators, async with")
class StreamController {

	private final StreamService streams;

	private final ContextManagerService contextManager;

	StreamController(StreamService streams, ContextManagerService contextManager) {
		this.streams = streams;
		this.contextManager = contextManager;
	}

	@Operation(summary = "async for over a hand-written async iterator: __anext__ runs only on demand")
	@GetMapping(path = "/iterator",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<StreamService.Item> iterator(@ParameterObject StreamRequest request) {
		return this.streams.iterator(request);
	}

	@Operation(summary = "async for over an async generator: await, then yield")
	@GetMapping(path = "/generator",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<StreamService.Item> generator(@ParameterObject StreamRequest request) {
		return this.streams.generator(request);
	}

	@Operation(summary = "async with: __aexit__ runs on success, on error (failInside) and on cancellation (timeoutMs)")
	@GetMapping("/context-manager")
	Mono<Report<ContextManagerResult>> contextManager(@ParameterObject ContextManagerRequest request) {
		return this.contextManager.run(request);
	}

}
