package dev.asynciolearn.sync;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/sync/event}.
 *
 * @param waiters coroutines awaiting the event
 * @param setAfterMs when the setter calls {@code set()}
 */
record EventRequest(
		@Parameter(description = "coroutines awaiting event.wait()") @Schema(defaultValue = "5") @Range(min = 1,
				max = 1000) int waiters,
		@Parameter(description = "when the setter calls set(), since the start") @Schema(defaultValue = "200") @Range(
				max = 10_000) long setAfterMs) {
}
