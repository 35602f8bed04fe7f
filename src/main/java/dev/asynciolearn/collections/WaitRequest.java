package dev.asynciolearn.collections;

import dev.asynciolearn.system.CrossParameterCheck;
import dev.asynciolearn.system.InvalidParameter;
import dev.asynciolearn.system.RunLimit;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/collections/wait}.
 *
 * @param returnWhen {@code return_when}
 * @param count how many tasks
 * @param delayMs the longest task's delay
 * @param failAt the task that raises, if any
 * @param timeoutMs {@code timeout}, if any
 */
record WaitRequest(
		@Parameter(description = "return_when") @Schema(defaultValue = "ALL_COMPLETED") ReturnWhen returnWhen,
		@Parameter(description = "how many tasks; they are tasks of the shared registry, hence fewer") @Schema(
				defaultValue = "3") @Range(min = 1, max = MAX_COUNT) int count,
		@Parameter(description = Jobs.DELAY_MS) @Schema(defaultValue = "300") @Range(
				max = Jobs.MAX_DELAY_MS) long delayMs,
		@Parameter(description = "the task that raises; below count",
				extensions = @Extension(properties = @ExtensionProperty(name = "below", value = "count"))) @Range(
						max = MAX_COUNT - 1) @Nullable Integer failAt,
		@Parameter(description = "timeout: wait returns then, without raising; none waits for the condition") @Range(
				min = 1, max = RunLimit.MAX_MS) @Nullable Long timeoutMs)
		implements
			CrossParameterCheck {

	/** The most tasks one wait may start in the registry. */
	static final int MAX_COUNT = 20;

	@Override
	public @Nullable InvalidParameter crossCheck() {
		return Jobs.checkFailAt(this.failAt, this.count);
	}

}
