package dev.asynciolearn.sync;

import dev.asynciolearn.system.CrossParameterCheck;
import dev.asynciolearn.system.InvalidParameter;
import dev.asynciolearn.system.RunLimit;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/sync/semaphore}.
 *
 * @param workers workers that each enter the section once
 * @param permits the semaphore's permits
 * @param holdMs how long each worker stays inside
 */
record SemaphoreRequest(
		@Parameter(description = "workers that each enter the section once") @Schema(defaultValue = "100") @Range(
				min = 1, max = 1000) int workers,
		@Parameter(description = "Semaphore(permits)") @Schema(defaultValue = "10") @Range(min = 1,
				max = 100) int permits,
		@Parameter(description = "how long each worker stays inside; " + RUN + " at most " + RunLimit.MAX_MS
				+ " ms") @Schema(defaultValue = "50") @Range(max = 5000) long holdMs)
		implements
			CrossParameterCheck {

	static final String RUN = "ceil(workers / permits) x holdMs";

	@Override
	public @Nullable InvalidParameter crossCheck() {
		return RunLimit.check("holdMs", RUN, RunLimit.rounds(this.workers, this.permits) * this.holdMs);
	}

}
