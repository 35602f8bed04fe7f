package dev.asynciolearn.collections;

import dev.asynciolearn.system.RunLimit;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/collections/wait-for}.
 *
 * @param delayMs how long the awaited work takes
 * @param timeoutMs {@code timeout}
 */
record WaitForRequest(
		@Parameter(description = "how long the awaited work takes") @Schema(defaultValue = "1000") @Range(
				max = Jobs.MAX_DELAY_MS) long delayMs,
		@Parameter(description = "timeout: the work is cancelled then and TimeoutError raised") @Schema(
				defaultValue = "100") @Range(min = 1, max = RunLimit.MAX_MS) long timeoutMs) {
}
