package dev.asynciolearn.tasks;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.asynciolearn.tasks.InterleaveService.InterleaveResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.headers.Header;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 2 over HTTP: tasks taking turns, and {@code asyncio.Task} itself: create (and
 * start), look, cancel, add done callbacks, list.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "tasks taking turns; asyncio.create_task, Task.cancel, add_done_callback, all_tasks")
class TaskController {

	/** The pending-task budget of the tasks made here, apart from the demos'. */
	static final String CREATE_TASK = "POST /api/tasks";

	private static final String NO_TASK = "No task with this id on the replica that answered (X-Replica names it): "
			+ "tasks live in the process that created them; finished ones are kept for a while";

	private final TaskRegistry registry;

	private final InterleaveService interleave;

	TaskController(TaskRegistry registry, InterleaveService interleave) {
		this.registry = registry;
		this.interleave = interleave;
	}

	@Operation(summary = "Two tasks whose steps interleave because each suspends between steps (example_tasks.py)")
	@GetMapping("/interleave")
	Mono<Report<InterleaveResult>> interleave(@ParameterObject InterleaveRequest request) {
		return this.interleave.interleave(request);
	}

	@Operation(summary = "asyncio.create_task(work(durationMs), name=name): starts at once, answers its id")
	@ApiResponse(responseCode = "201", description = "The task, started",
			headers = @Header(name = "Location", description = "the task's URL, /api/tasks/{id}",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "429",
			description = "Too many of this endpoint's tasks are pending (Retry-After says when to retry)")
	@PostMapping
	ResponseEntity<TaskView> create(@Valid @RequestBody NewTask request) {
		Mono<Object> work = Mono.delay(Duration.ofMillis(request.durationMs()))
			.then((request.failWith() != null) ? Mono.error(new TaskFailure(request.failWith()))
					: Mono.just((request.result() != null) ? request.result() : "done"));
		return created(this.registry.start(CREATE_TASK, request.name(), work));
	}

	/**
	 * What {@code create_task} answers, whichever idiom runs the task: {@code 201} with
	 * its URL, the task given its {@code log_outcome} done callback.
	 */
	static ResponseEntity<TaskView> created(DemoTask task) {
		task.addDoneCallback("log_outcome");
		return ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(task.view());
	}

	@Operation(summary = "task.get_name(), done(), cancelled(), result(), exception() and the done callbacks' log")
	@ApiResponse(responseCode = "200", description = "The task")
	@ApiResponse(responseCode = "404", description = NO_TASK)
	@GetMapping("/{id:[0-9]+}")
	TaskView get(@PathVariable long id) {
		return this.registry.get(id).view();
	}

	@Operation(summary = "task.cancel(): true if it was pending (it is now CANCELLED), false if already finished")
	@ApiResponse(responseCode = "200", description = "Whether it was cancelled, and the task as it is now")
	@ApiResponse(responseCode = "404", description = NO_TASK)
	@DeleteMapping("/{id:[0-9]+}")
	Cancellation cancel(@PathVariable long id) {
		boolean cancelled = this.registry.cancel(id);
		return new Cancellation(cancelled, this.registry.get(id).view());
	}

	@Operation(summary = "task.add_done_callback(fn): runs when the task finishes, at once if it already has")
	@ApiResponse(responseCode = "200", description = "The task, with the callbacks' log")
	@ApiResponse(responseCode = "409", description = "The task has all the done callbacks it may have")
	@ApiResponse(responseCode = "404", description = NO_TASK)
	@PostMapping("/{id:[0-9]+}/callbacks")
	TaskView addDoneCallback(@PathVariable long id, @ParameterObject CallbackRequest request) {
		return this.registry.addDoneCallback(id, request.name()).view();
	}

	@Operation(summary = "The tasks kept, newest first; ?state=PENDING is asyncio.all_tasks()")
	@GetMapping
	List<TaskView> all(@ParameterObject TaskQuery query) {
		return this.registry.all(query.state());
	}

	/**
	 * What {@code task.cancel()} answered.
	 *
	 * @param cancelled {@code true} if the task was pending and is now cancelled
	 * @param task the task as it is now
	 */
	record Cancellation(boolean cancelled, TaskView task) {
	}

	/**
	 * What a task raises when asked to fail.
	 */
	static final class TaskFailure extends RuntimeException {

		TaskFailure(String message) {
			super(message, null, false, false);
		}

		@Override
		public String toString() {
			return "TaskFailure('" + getMessage() + "')";
		}

	}

}
