package dev.asynciolearn.streams;

import dev.asynciolearn.system.CrossParameterCheck;
import dev.asynciolearn.system.InvalidParameter;
import dev.asynciolearn.system.RunLimit;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/streams/iterator} and {@code /generator}.
 *
 * @param count how many items
 * @param delayMs the wait before each item
 */
record StreamRequest(
		@Parameter(description = "how many items; " + RUN + " at most " + RunLimit.MAX_MS + " ms") @Schema(
				defaultValue = "5") @Range(min = 1, max = 1000) int count,
		@Parameter(description = "the await before each item") @Schema(defaultValue = "200") @Range(
				max = 5_000) long delayMs)
		implements
			CrossParameterCheck {

	static final String RUN = "count x delayMs";

	@Override
	public @Nullable InvalidParameter crossCheck() {
		return RunLimit.check("count", RUN, this.count * this.delayMs);
	}

}
