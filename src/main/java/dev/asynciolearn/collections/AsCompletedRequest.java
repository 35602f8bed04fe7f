package dev.asynciolearn.collections;

import dev.asynciolearn.system.RunLimit;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/collections/as-completed}.
 *
 * @param count how many jobs
 * @param delayMs the longest job's delay
 * @param timeoutMs {@code timeout}: one deadline for the whole
 */
record AsCompletedRequest(
		@Parameter(description = "how many jobs run at once") @Schema(defaultValue = "3") @Range(min = 1,
				max = Jobs.MAX_COUNT) int count,
		@Parameter(description = Jobs.DELAY_MS) @Schema(defaultValue = "300") @Range(
				max = Jobs.MAX_DELAY_MS) long delayMs,
		@Parameter(description = "timeout: one deadline for the whole, then TimeoutError") @Schema(
				defaultValue = "10000") @Range(min = 1, max = RunLimit.MAX_MS) long timeoutMs) {
}
