package dev.asynciolearn.tasks;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/tasks/interleave}.
 *
 * @param steps steps of each task
 * @param suspend whether each step is followed by {@code await asyncio.sleep}
 */
record InterleaveRequest(
		@Parameter(description = "steps of each task") @Schema(defaultValue = "3") @Range(min = 1, max = 100) int steps,
		@Parameter(description = "await between steps; without it the first task runs to its end first") @Schema(
				defaultValue = "true") boolean suspend) {
}
