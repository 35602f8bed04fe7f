package dev.asynciolearn.streams;

import java.time.Duration;

import dev.asynciolearn.system.BadParameterException;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 4: async iterators, async generators and async context managers.
 */
@RestController
@RequestMapping("/api/streams")
@Tag(name = "streams", description = "async iterators, async generators, async with")
class StreamController {

	static final int MAX_COUNT = 1000;

	static final long MAX_DELAY_MS = 5_000;

	static final long MAX_STREAM_MS = 60_000;

	private static final String COUNT_RULE = "must be between 1 and " + MAX_COUNT;

	private static final String DELAY_RULE = "must be between 0 and " + MAX_DELAY_MS;

	private static final String TIMEOUT_RULE = "must be between 1 and " + MAX_DELAY_MS;

	private final StreamService streams;

	private final ContextManagerService contextManager;

	StreamController(StreamService streams, ContextManagerService contextManager) {
		this.streams = streams;
		this.contextManager = contextManager;
	}

	@Operation(summary = "async for over a hand-written async iterator: __anext__ runs only on demand")
	@GetMapping(path = "/iterator",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<StreamService.Item> iterator(
			@RequestParam(defaultValue = "5") @Range(min = 1, max = MAX_COUNT, message = COUNT_RULE) int count,
			@RequestParam(defaultValue = "200") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs) {
		checkLength(count, delayMs);
		return this.streams.iterator(count, Duration.ofMillis(delayMs));
	}

	@Operation(summary = "async for over an async generator: await, then yield")
	@GetMapping(path = "/generator",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<StreamService.Item> generator(
			@RequestParam(defaultValue = "5") @Range(min = 1, max = MAX_COUNT, message = COUNT_RULE) int count,
			@RequestParam(defaultValue = "200") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs) {
		checkLength(count, delayMs);
		return this.streams.generator(count, Duration.ofMillis(delayMs));
	}

	@Operation(summary = "async with: __aexit__ runs on success, on error (failInside) and on cancellation (timeoutMs)")
	@GetMapping("/context-manager")
	Mono<Report> contextManager(@RequestParam(defaultValue = "false") boolean failInside,
			@RequestParam(required = false) @Range(min = 1, max = MAX_DELAY_MS,
					message = TIMEOUT_RULE) @Nullable Long timeoutMs) {
		return this.contextManager.run(failInside, (timeoutMs != null) ? Duration.ofMillis(timeoutMs) : null);
	}

	private static void checkLength(int count, long delayMs) {
		if (count * delayMs > MAX_STREAM_MS) {
			throw new BadParameterException("count", "Parameters 'count', 'delayMs': count x delayMs must be at most "
					+ MAX_STREAM_MS + " ms; got " + (count * delayMs) + " ms.");
		}
	}

}
