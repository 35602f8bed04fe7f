package dev.asynciolearn.offload;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/offload/file-blocking}: the same as the offloaded read's,
 * with a latency capped lower, since here it blocks an event loop and every connection on
 * it.
 *
 * @param name the file, in the data folder
 * @param latencyMs the simulated storage latency, or the configured default
 */
record BlockingFileRequest(
		@Parameter(description = "a file in the data folder (GET /api/offload/files)") @NotNull @Pattern(
				regexp = DataFolder.NAME_PATTERN, message = DataFolder.NAME_RULE) String name,
		@Parameter(description = FileRequest.LATENCY
				+ "; capped lower than the offloaded read's: it blocks an event loop") @Range(
						max = MAX_LATENCY_MS) @Nullable Long latencyMs) {

	/** The longest latency the anti-pattern may block an event loop for. */
	static final long MAX_LATENCY_MS = 1_000;

}
