package dev.asynciolearn.collections;

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
 * Chapter 3, collections of tasks: {@code gather}, {@code wait}, {@code wait_for},
 * {@code as_completed}.
 */
@RestController
@RequestMapping("/api/collections")
@Tag(name = "collections", description = "gather, wait, wait_for, as_completed")
class CollectionsController {

	static final int MAX_COUNT = 50;

	static final int MAX_WAIT_COUNT = 20;

	static final long MAX_DELAY_MS = 10_000;

	static final long MAX_TIMEOUT_MS = 60_000;

	private static final String COUNT_RULE = "must be between 1 and " + MAX_COUNT;

	private static final String WAIT_COUNT_RULE = "must be between 1 and " + MAX_WAIT_COUNT;

	private static final String DELAY_RULE = "must be between 0 and " + MAX_DELAY_MS;

	private static final String TIMEOUT_RULE = "must be between 1 and " + MAX_TIMEOUT_MS;

	private static final String FAIL_AT_RULE = "must be between 0 and " + (MAX_COUNT - 1);

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
	Mono<Report> gather(
			@RequestParam(defaultValue = "3") @Range(min = 1, max = MAX_COUNT, message = COUNT_RULE) int count,
			@RequestParam(defaultValue = "300") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs,
			@RequestParam(required = false) @Range(max = MAX_COUNT - 1,
					message = FAIL_AT_RULE) @Nullable Integer failAt,
			@RequestParam(defaultValue = "false") boolean returnExceptions) {
		checkFailAt(failAt, count);
		return this.gather.gather(count, delayMs, failAt, returnExceptions);
	}

	@Operation(
			summary = "asyncio.wait: done and pending tasks when the condition or timeout is met; pending ones run on")
	@GetMapping("/wait")
	Mono<Report> wait(@RequestParam(defaultValue = "ALL_COMPLETED") ReturnWhen returnWhen,
			@RequestParam(defaultValue = "3") @Range(min = 1, max = MAX_WAIT_COUNT,
					message = WAIT_COUNT_RULE) int count,
			@RequestParam(defaultValue = "300") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs,
			@RequestParam(required = false) @Range(max = MAX_COUNT - 1,
					message = FAIL_AT_RULE) @Nullable Integer failAt,
			@RequestParam(required = false) @Range(min = 1, max = MAX_TIMEOUT_MS,
					message = TIMEOUT_RULE) @Nullable Long timeoutMs) {
		checkFailAt(failAt, count);
		return this.wait.wait(returnWhen, count, delayMs, failAt,
				(timeoutMs != null) ? Duration.ofMillis(timeoutMs) : null);
	}

	@Operation(summary = "asyncio.wait_for: the work finishes in time, or is cancelled and TimeoutError is raised")
	@GetMapping("/wait-for")
	Mono<Report> waitFor(
			@RequestParam(defaultValue = "1000") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs,
			@RequestParam(defaultValue = "100") @Range(min = 1, max = MAX_TIMEOUT_MS,
					message = TIMEOUT_RULE) long timeoutMs) {
		return this.waitFor.waitFor(Duration.ofMillis(delayMs), Duration.ofMillis(timeoutMs));
	}

	@Operation(summary = "asyncio.as_completed: each result as it completes (NDJSON or SSE), one overall deadline")
	@GetMapping(path = "/as-completed",
			produces = { MediaType.APPLICATION_NDJSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE })
	Flux<AsCompletedService.Completion> asCompleted(
			@RequestParam(defaultValue = "3") @Range(min = 1, max = MAX_COUNT, message = COUNT_RULE) int count,
			@RequestParam(defaultValue = "300") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs,
			@RequestParam(defaultValue = "10000") @Range(min = 1, max = MAX_TIMEOUT_MS,
					message = TIMEOUT_RULE) long timeoutMs) {
		return this.asCompleted.asCompleted(count, delayMs, Duration.ofMillis(timeoutMs));
	}

	private static void checkFailAt(@Nullable Integer failAt, int count) {
		if (failAt != null && failAt >= count) {
			throw new BadParameterException("failAt", "Parameter 'failAt' must be the index of one of the " + count
					+ " jobs, between 0 and " + (count - 1) + "; got '" + failAt + "'.");
		}
	}

}
