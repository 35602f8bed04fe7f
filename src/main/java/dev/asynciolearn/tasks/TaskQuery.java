package dev.asynciolearn.tasks;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/tasks}.
 *
 * @param state only the tasks in this state; {@code PENDING} is
 * {@code asyncio.all_tasks()}
 */
record TaskQuery(@Parameter(
		description = "only the tasks in this state; PENDING is asyncio.all_tasks()") DemoTask.@Nullable State state) {
}
