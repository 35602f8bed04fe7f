package dev.asynciolearn.coroutines;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/coroutines/scale}.
 *
 * @param count concurrent waits
 * @param delayMs how long each waits
 */
record ScaleRequest(
		@Parameter(description = "concurrent waits, as Monos") @Schema(defaultValue = "10000") @Range(min = 1,
				max = 100_000) int count,
		@Parameter(description = DELAY) @Schema(defaultValue = "1000") @Range(max = MAX_DELAY_MS) long delayMs) {

	static final long MAX_DELAY_MS = 10_000;

	static final String DELAY = "how long each waits";

}
