package dev.asynciolearn.tasks;

import dev.asynciolearn.system.ValueSize;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/tasks} and {@code POST /api/vthreads/tasks}:
 * {@code asyncio.create_task(work(duration), name=name)}.
 *
 * @param name the task's name
 * @param durationMs how long the task works: a timer on Reactor, {@code Thread.sleep} on
 * a virtual thread
 * @param failWith if set, the task raises an exception with this message instead of
 * returning
 * @param result what the task returns, if it does not fail
 */
record NewTask(
		@Schema(description = "task.get_name()", example = "slow") @NotNull @Pattern(regexp = "^[A-Za-z0-9 _.-]{1,50}$",
				message = "must be 1 to 50 letters, digits, spaces, '.', '_' or '-'") String name,
		@Schema(description = "how long the task sleeps: a timer (POST /api/tasks), or Thread.sleep parking its virtual thread (POST /api/vthreads/tasks)",
				example = "5000") @NotNull @Min(0) @Max(MAX_DURATION_MS) Long durationMs,
		@Schema(description = "raise an exception with this message instead of returning") @Size(min = 1,
				max = 200) @Nullable String failWith,
		@Schema(description = "what the task returns: a JSON value of at most 200 characters; default \"done\"") @ValueSize(
				max = 200) @Nullable Object result) {

	static final long MAX_DURATION_MS = 300_000;

}
