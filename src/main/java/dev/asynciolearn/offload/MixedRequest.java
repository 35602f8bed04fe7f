package dev.asynciolearn.offload;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/offload/mixed}.
 *
 * @param delayMs each simulated network call, before and after the read
 * @param name the file, in the data folder
 * @param latencyMs the simulated storage latency, or the configured default
 */
record MixedRequest(
		@Parameter(description = "each simulated network call, before and after the read") @Schema(
				defaultValue = "100") @Range(max = IoRequest.MAX_DELAY_MS) long delayMs,
		@Parameter(description = "a file in the data folder (GET /api/offload/files)") @NotNull @Pattern(
				regexp = DataFolder.NAME_PATTERN, message = DataFolder.NAME_RULE) String name,
		@Parameter(description = FileRequest.LATENCY) @Range(
				max = FileRequest.MAX_LATENCY_MS) @Nullable Long latencyMs) {
}
