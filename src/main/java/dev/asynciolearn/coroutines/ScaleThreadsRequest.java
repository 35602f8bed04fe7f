package dev.asynciolearn.coroutines;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/coroutines/scale-threads}.
 *
 * @param count concurrent waits, each way
 * @param delayMs how long each waits
 */
record ScaleThreadsRequest(
		@Parameter(
				description = "concurrent waits, as Monos, then as platform threads, then as virtual threads") @Schema(
						defaultValue = "1000") @Range(min = 1, max = 2_000) int count,
		@Parameter(description = ScaleRequest.DELAY) @Schema(defaultValue = "1000") @Range(
				max = ScaleRequest.MAX_DELAY_MS) long delayMs) {
}
