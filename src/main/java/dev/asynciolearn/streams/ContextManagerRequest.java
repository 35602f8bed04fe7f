package dev.asynciolearn.streams;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/streams/context-manager}.
 *
 * @param failInside whether the body raises
 * @param timeoutMs a deadline for the whole block, if any
 */
record ContextManagerRequest(
		@Parameter(description = "the body raises") @Schema(defaultValue = "false") boolean failInside,
		@Parameter(
				description = "a deadline for the whole block (it takes about 200 ms): the block is cancelled then") @Range(
						min = 1, max = 5_000) @Nullable Long timeoutMs) {
}
