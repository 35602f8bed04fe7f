package dev.asynciolearn.offload;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/offload/file}.
 *
 * @param name the file, in the data folder
 * @param latencyMs the simulated storage latency, or the configured default
 */
record FileRequest(
		@Parameter(description = "a file in the data folder (GET /api/offload/files)") @NotNull @Pattern(
				regexp = DataFolder.NAME_PATTERN, message = DataFolder.NAME_RULE) String name,
		@Parameter(description = LATENCY) @Range(max = MAX_LATENCY_MS) @Nullable Long latencyMs) {

	/** The longest simulated storage latency. */
	static final long MAX_LATENCY_MS = 5_000;

	static final String LATENCY = "the simulated storage latency before the first byte; "
			+ "default: asyncio-learn.offload.default-latency (50 ms)";

}
