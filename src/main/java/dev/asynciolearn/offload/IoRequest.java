package dev.asynciolearn.offload;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/offload/io}.
 *
 * @param delayMs how long the simulated network call takes
 */
record IoRequest(@Parameter(description = "how long the simulated network call takes") @Schema(
		defaultValue = "100") @Range(max = MAX_DELAY_MS) long delayMs) {

	/** The longest simulated network call. */
	static final long MAX_DELAY_MS = 10_000;

}
