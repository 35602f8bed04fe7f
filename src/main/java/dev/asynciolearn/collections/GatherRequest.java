package dev.asynciolearn.collections;

import dev.asynciolearn.system.CrossParameterCheck;
import dev.asynciolearn.system.InvalidParameter;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/collections/gather}.
 *
 * @param count how many jobs
 * @param delayMs the longest job's delay
 * @param failAt the job that raises, if any
 * @param returnExceptions {@code return_exceptions=True}
 */
record GatherRequest(
		@Parameter(description = "how many jobs run at once") @Schema(defaultValue = "3") @Range(min = 1,
				max = Jobs.MAX_COUNT) int count,
		@Parameter(description = Jobs.DELAY_MS) @Schema(defaultValue = "300") @Range(
				max = Jobs.MAX_DELAY_MS) long delayMs,
		@Parameter(description = "the job that raises; below count",
				extensions = @Extension(properties = @ExtensionProperty(name = "below", value = "count"))) @Range(
						max = Jobs.MAX_COUNT - 1) @Nullable Integer failAt,
		@Parameter(description = "return_exceptions=True: each exception becomes its job's result") @Schema(
				defaultValue = "false") boolean returnExceptions)
		implements
			CrossParameterCheck {

	@Override
	public @Nullable InvalidParameter crossCheck() {
		return Jobs.checkFailAt(this.failAt, this.count);
	}

}
