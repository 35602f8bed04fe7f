package dev.asynciolearn.tasks;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * The query of {@code POST /api/tasks/{id}/callbacks}.
 *
 * @param name the callback's name, as its log line shows it
 */
record CallbackRequest(@Parameter(description = "the callback's name, as its log line shows it") @Schema(
		defaultValue = "callback") @Pattern(regexp = "^[A-Za-z0-9_]{1,40}$",
				message = "must be 1 to 40 letters, digits or '_'") String name) {
}
