package dev.asynciolearn.streams;

import dev.asynciolearn.streams.ContextManagerService.ContextManagerResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

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

	private final ContextManagerOnVirtualThreads contextManager;

	VirtualThreadStreamController(ContextManagerOnVirtualThreads contextManager) {
		this.contextManager = contextManager;
	}

	@Operation(summary = "async with on virtual threads: try-with-resources; close() runs on success, error and "
			+ "interruption, and wait_for waits for it")
	@GetMapping("/context-manager")
	Mono<Report<ContextManagerResult>> contextManager(@ParameterObject ContextManagerRequest request) {
		return this.contextManager.run(request);
	}

}
