package dev.asynciolearn.tasks;

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

	private final CoroutineService service;

	CoroutineController(CoroutineService service) {
		this.service = service;
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
