package dev.asynciolearn.tasks;

import dev.asynciolearn.tasks.InterleaveService.InterleaveResult;
import dev.asynciolearn.tasks.TaskController.TaskFailure;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 2 on virtual threads: the same query as {@link TaskController}'s interleave
 * demo, and {@code create_task} itself, written as plain blocking Java. A task made here
 * is a {@code Future} on a virtual thread of its own, kept in the same registry as the
 * Reactor tasks (as one loop holds all its tasks), so {@code GET}, {@code DELETE} and the
 * callbacks at {@code /api/tasks/{id}} work on either.
 */
@RestController
@RequestMapping("/api/vthreads/tasks")
@Tag(name = "virtual threads", description = "each concept as plain blocking Java on virtual threads")
class VirtualThreadTaskController {

	/** The pending-task budget of the tasks made here. */
	static final String CREATE_TASK = "POST /api/vthreads/tasks";

	private final InterleaveOnVirtualThreads interleave;

	private final TaskRegistry registry;

	VirtualThreadTaskController(InterleaveOnVirtualThreads interleave, TaskRegistry registry) {
		this.interleave = interleave;
		this.registry = registry;
	}

	@Operation(summary = "Two tasks on two virtual threads: they run at once rather than take turns; each keeps "
			+ "its own order")
	@GetMapping("/interleave")
	Mono<Report<InterleaveResult>> interleave(@ParameterObject InterleaveRequest request) {
		return this.interleave.interleave(request);
	}

	@Operation(summary = "create_task as a Future on a new virtual thread (Thread.sleep(durationMs)): starts at "
			+ "once, answers its id; DELETE /api/tasks/{id} is future.cancel(true), which interrupts the thread")
	@ApiResponse(responseCode = "201", description = "The task, started on its virtual thread",
			headers = @Header(name = "Location", description = "the task's URL, /api/tasks/{id}",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "429",
			description = "Too many of this endpoint's tasks are pending (Retry-After says when to retry)")
	@PostMapping
	ResponseEntity<TaskView> create(@Valid @RequestBody NewTask request) {
		return TaskController.created(this.registry.startOnVirtualThread(CREATE_TASK, request.name(), () -> {
			Thread.sleep(request.durationMs());
			if (request.failWith() != null) {
				throw new TaskFailure(request.failWith());
			}
			return (request.result() != null) ? request.result() : "done";
		}));
	}

}
