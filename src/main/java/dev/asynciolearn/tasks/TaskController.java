package dev.asynciolearn.tasks;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code asyncio.Task} over HTTP: create (and start), look, cancel, add done callbacks,
 * list.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "asyncio.create_task, Task.cancel, add_done_callback, all_tasks")
class TaskController {

	private final TaskRegistry registry;

	TaskController(TaskRegistry registry) {
		this.registry = registry;
	}

	@Operation(summary = "asyncio.create_task(work(durationMs), name=name): starts at once, answers its id")
	@PostMapping
	ResponseEntity<TaskView> create(@Valid @RequestBody NewTask request) {
		Mono<Object> work = Mono.delay(Duration.ofMillis(request.durationMs()))
			.then((request.failWith() != null) ? Mono.error(new TaskFailure(request.failWith()))
					: Mono.just((request.result() != null) ? request.result() : "done"));
		DemoTask task = this.registry.start(request.name(), work);
		task.addDoneCallback("log_outcome");
		return ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(task.view());
	}

	@Operation(summary = "task.get_name(), done(), cancelled(), result(), exception() and the done callbacks' log")
	@GetMapping("/{id}")
	TaskView get(@PathVariable long id) {
		return this.registry.get(id).view();
	}

	@Operation(summary = "task.cancel(): true if it was pending (it is now CANCELLED), false if already finished")
	@DeleteMapping("/{id}")
	Map<String, Object> cancel(@PathVariable long id) {
		boolean cancelled = this.registry.cancel(id);
		return Map.of("cancelled", cancelled, "task", this.registry.get(id).view());
	}

	@Operation(summary = "task.add_done_callback(fn): runs when the task finishes, at once if it already has")
	@PostMapping("/{id}/callbacks")
	TaskView addDoneCallback(@PathVariable long id,
			@RequestParam(defaultValue = "callback") @Pattern(regexp = "[A-Za-z0-9_]{1,40}",
					message = "must be 1 to 40 letters, digits or '_'") String name) {
		DemoTask task = this.registry.get(id);
		task.addDoneCallback(name);
		return task.view();
	}

	@Operation(summary = "The tasks kept, newest first; ?state=PENDING is asyncio.all_tasks()")
	@GetMapping
	List<TaskView> all(@RequestParam(required = false) DemoTask.@Nullable State state) {
		return this.registry.all(state);
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
