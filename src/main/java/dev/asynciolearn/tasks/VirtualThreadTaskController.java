package dev.asynciolearn.tasks;

import dev.asynciolearn.tasks.InterleaveService.InterleaveResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 2 on virtual threads: the same query as {@link TaskController}'s interleave
 * demo, written as plain blocking Java.
 */
@RestController
@RequestMapping("/api/vthreads/tasks")
@Tag(name = "virtual threads", description = "each concept as plain blocking Java on virtual threads")
class VirtualThreadTaskController {

	private final InterleaveOnVirtualThreads interleave;

	VirtualThreadTaskController(InterleaveOnVirtualThreads interleave) {
		this.interleave = interleave;
	}

	@Operation(summary = "Two tasks on two virtual threads: they run at once rather than take turns; each keeps "
			+ "its own order")
	@GetMapping("/interleave")
	Mono<Report<InterleaveResult>> interleave(@ParameterObject InterleaveRequest request) {
		return this.interleave.interleave(request);
	}

}
