package dev.asynciolearn.tasks;

import java.time.Duration;

import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapters 1 and 2 over HTTP: {@code await}, laziness, tasks taking turns.
 */
@RestController
@Tag(name = "coroutines", description = "await, coroutines never awaited, tasks taking turns on one thread")
class CoroutineController {

	static final int MAX_STEPS = 100;

	private static final String STEPS_RULE = "must be between 1 and " + MAX_STEPS;

	static final int MAX_MONOS = 100_000;

	static final int MAX_THREADS = 2_000;

	private static final String MONOS_RULE = "must be between 1 and " + MAX_MONOS;

	private static final String THREADS_RULE = "must be between 1 and " + MAX_THREADS;

	private static final String SCALE_DELAY_RULE = "must be between 0 and 10000";

	private final CoroutineService service;

	private final ScaleService scale;

	CoroutineController(CoroutineService service, ScaleService scale) {
		this.service = service;
		this.scale = scale;
	}

	@Operation(
			summary = "count concurrent waits as Monos: elapsed about one delay, a handful of threads, bytes per wait")
	@GetMapping("/api/coroutines/scale")
	Mono<Report> scale(
			@RequestParam(defaultValue = "10000") @Range(min = 1, max = MAX_MONOS, message = MONOS_RULE) int count,
			@RequestParam(defaultValue = "1000") @Range(max = 10_000, message = SCALE_DELAY_RULE) long delayMs) {
		return this.scale.monos(count, Duration.ofMillis(delayMs));
	}

	@Operation(summary = "The same waits as Monos, platform threads and (Java 21+) virtual threads, with the ratios")
	@GetMapping("/api/coroutines/scale-threads")
	Mono<Report> scaleThreads(
			@RequestParam(defaultValue = "1000") @Range(min = 1, max = MAX_THREADS, message = THREADS_RULE) int count,
			@RequestParam(defaultValue = "1000") @Range(max = 10_000, message = SCALE_DELAY_RULE) long delayMs) {
		return this.scale.compare(count, Duration.ofMillis(delayMs));
	}

	@Operation(summary = "A first coroutine awaits a second and resumes after it (example_await.py)")
	@GetMapping("/api/coroutines/await")
	Mono<Report> awaitOrder() {
		return this.service.awaitOrder();
	}

	@Operation(summary = "A Mono built but never subscribed does nothing; one subscribed now runs like a task")
	@GetMapping("/api/coroutines/lazy")
	Mono<Report> lazy() {
		return this.service.lazy();
	}

	@Operation(summary = "Two tasks whose steps interleave because each suspends between steps (example_tasks.py)")
	@GetMapping("/api/tasks/interleave")
	Mono<Report> interleave(
			@RequestParam(defaultValue = "3") @Range(min = 1, max = MAX_STEPS, message = STEPS_RULE) int steps,
			@RequestParam(defaultValue = "true") boolean suspend) {
		return this.service.interleave(steps, suspend);
	}

}
