package dev.asynciolearn.offload;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/offload/long-task}.
 *
 * @param workMs how long the blocking job sleeps
 * @param tickMs the ticker's period
 */
record LongTaskRequest(
		@Parameter(description = "how long the blocking job sleeps on its worker") @Schema(
				defaultValue = "1000") @Range(max = 30_000) long workMs,
		@Parameter(description = "the ticker's period") @Schema(defaultValue = "100") @Range(min = 10,
				max = 5_000) long tickMs) {
}
