package dev.asynciolearn.offload;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.offload.OffloadService.Finished;
import dev.asynciolearn.offload.OffloadService.LongTaskSignal;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code to_thread} chapter ({@code example_to_thread.py},
 * {@code example_to_thread_2.py}) over HTTP.
 */
@RestController
@RequestMapping("/api/offload")
@Tag(name = "to_thread", description = "asyncio.to_thread: pure I/O, a blocking read offloaded, the mix, a long job")
class OffloadController {

	static final long MAX_DELAY_MS = 10_000;

	static final long MAX_LATENCY_MS = 5_000;

	static final long MAX_WORK_MS = 30_000;

	static final long MIN_TICK_MS = 10;

	static final long MAX_TICK_MS = 5_000;

	// Literal messages: a constraint message with {placeholders} makes Hibernate
	// Validator load its resource bundle
	// from a jar on the first violation, a blocking read on the event loop.
	private static final String DELAY_RULE = "must be between 0 and " + MAX_DELAY_MS;

	private static final String LATENCY_RULE = "must be between 0 and " + MAX_LATENCY_MS;

	private static final String WORK_RULE = "must be between 0 and " + MAX_WORK_MS;

	private static final String TICK_RULE = "must be between " + MIN_TICK_MS + " and " + MAX_TICK_MS;

	private final OffloadService service;

	OffloadController(OffloadService service) {
		this.service = service;
	}

	@Operation(summary = "Pure I/O: await asyncio.sleep(delay) as Mono.delay(delay); no thread blocks")
	@GetMapping("/io")
	Mono<Report> io(@RequestParam(defaultValue = "100") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs) {
		return this.service.io(Duration.ofMillis(delayMs));
	}

	@Operation(summary = "The files in the data folder the read demos can use")
	@GetMapping("/files")
	Mono<List<DataFolder.DataFile>> files() {
		return this.service.files();
	}

	@Operation(summary = "await asyncio.to_thread(read_file, name): the blocking read on boundedElastic")
	@GetMapping("/file")
	Mono<Report> file(
			@RequestParam @Pattern(regexp = DataFolder.NAME_PATTERN, message = DataFolder.NAME_RULE) String name,
			@RequestParam(required = false) @Range(max = MAX_LATENCY_MS,
					message = LATENCY_RULE) @Nullable Long latencyMs) {
		return this.service.file(name, latency(latencyMs));
	}

	/**
	 * The anti-pattern, kept to be measured and caught: the blocking read runs on the
	 * event-loop thread.
	 */
	@Operation(summary = "ANTI-PATTERN: the same blocking read on the event-loop thread")
	@GetMapping("/file-blocking")
	Mono<Report> fileBlocking(
			@RequestParam @Pattern(regexp = DataFolder.NAME_PATTERN, message = DataFolder.NAME_RULE) String name,
			@RequestParam(required = false) @Range(max = MAX_LATENCY_MS,
					message = LATENCY_RULE) @Nullable Long latencyMs) {
		return this.service.fileBlocking(name, latency(latencyMs));
	}

	@Operation(summary = "I/O, the offloaded read, I/O again: the hop to boundedElastic and back")
	@GetMapping("/mixed")
	Mono<Report> mixed(
			@RequestParam(defaultValue = "100") @Range(max = MAX_DELAY_MS, message = DELAY_RULE) long delayMs,
			@RequestParam @Pattern(regexp = DataFolder.NAME_PATTERN, message = DataFolder.NAME_RULE) String name,
			@RequestParam(required = false) @Range(max = MAX_LATENCY_MS,
					message = LATENCY_RULE) @Nullable Long latencyMs) {
		return this.service.mixed(Duration.ofMillis(delayMs), name, latency(latencyMs));
	}

	@Operation(summary = "A long blocking job on boundedElastic while a timer keeps ticking (Server-Sent Events)")
	@GetMapping(path = "/long-task", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> longTask(
			@RequestParam(defaultValue = "1000") @Range(max = MAX_WORK_MS, message = WORK_RULE) long workMs,
			@RequestParam(defaultValue = "100") @Range(min = MIN_TICK_MS, max = MAX_TICK_MS,
					message = TICK_RULE) long tickMs) {
		return this.service.longTask(Duration.ofMillis(workMs), Duration.ofMillis(tickMs))
			.map(OffloadController::event);
	}

	private Duration latency(@Nullable Long latencyMs) {
		return (latencyMs != null) ? Duration.ofMillis(latencyMs) : this.service.defaultLatency();
	}

	private static ServerSentEvent<Object> event(LongTaskSignal signal) {
		if (signal instanceof Finished finished) {
			return ServerSentEvent.builder((Object) finished.report()).event("result").build();
		}
		return ServerSentEvent.builder((Object) signal).event("tick").build();
	}

}
