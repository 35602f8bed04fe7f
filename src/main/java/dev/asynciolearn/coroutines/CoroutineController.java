package dev.asynciolearn.coroutines;

import dev.asynciolearn.coroutines.CoroutineService.AwaitResult;
import dev.asynciolearn.coroutines.CoroutineService.LazyResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 1 over HTTP: {@code await}, laziness, and how many waits one thread carries.
 */
@RestController
@RequestMapping("/api/coroutines")
@Tag(name = "coroutines", description = "await, coroutines never awaited, many waits on few threads")
class CoroutineController {

	private final CoroutineService service;

	private static final String EXPERIMENT_RUNNING = "Another scale experiment (either endpoint) is running: one at a "
			+ "time keeps the numbers honest (Retry-After says when to retry)";

	private final ScaleService scale;

	CoroutineController(CoroutineService service, ScaleService scale) {
		this.service = service;
		this.scale = scale;
	}

	@Operation(summary = "A first coroutine awaits a second and resumes after it (example_await.py)")
	@GetMapping("/await")
	Mono<Report<AwaitResult>> awaitOrder() {
		return this.service.awaitOrder();
	}

	@Operation(summary = "A Mono built but never subscribed does nothing; one subscribed now runs like a task")
	@GetMapping("/lazy")
	Mono<Report<LazyResult>> lazy() {
		return this.service.lazy();
	}

	@Operation(
			summary = "count concurrent waits as Monos: elapsed about one delay, a handful of threads, bytes per wait")
	@ApiResponse(responseCode = "200", description = "The report of the waits")
	@ApiResponse(responseCode = "429", description = EXPERIMENT_RUNNING)
	@GetMapping("/scale")
	Mono<Report<MonoWaits>> scale(@ParameterObject ScaleRequest request) {
		return this.scale.monos(request);
	}

	@Operation(summary = "The same waits as Monos, platform threads and virtual threads, with the ratios")
	@ApiResponse(responseCode = "200", description = "The report of the three kinds of waits")
	@ApiResponse(responseCode = "429", description = EXPERIMENT_RUNNING)
	@GetMapping("/scale-threads")
	Mono<Report<ScaleComparison>> scaleThreads(@ParameterObject ScaleThreadsRequest request) {
		return this.scale.compare(request);
	}

}
