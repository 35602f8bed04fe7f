package dev.asynciolearn.database;

import dev.asynciolearn.system.CrossParameterCheck;
import dev.asynciolearn.system.InvalidParameter;
import dev.asynciolearn.system.RunLimit;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code POST /api/db/semaphore}.
 *
 * @param callers workers started at once
 * @param permits the demo's own semaphore
 * @param queryMs how long each worker's query sleeps in PostgreSQL
 * @param scope where the permits are counted: in this process, or in PostgreSQL for every
 * replica
 */
record SemaphoreDemoRequest(
		@Parameter(description = "workers started at once") @Schema(defaultValue = "100") @Range(min = 1,
				max = 1000) int callers,
		@Parameter(description = "the demo's Semaphore(permits); the app-wide one caps it too") @Schema(
				defaultValue = "10") @Range(min = 1, max = 50) int permits,
		@Parameter(description = "how long each query sleeps (SELECT pg_sleep); " + RUN + " at most " + RunLimit.MAX_MS
				+ " ms") @Schema(defaultValue = "100") @Range(max = 5_000) long queryMs,
		@Parameter(
				description = "PROCESS: asyncio.Semaphore(permits) in this process, so two replicas let twice as many "
						+ "queries run; DATABASE: the permits are PostgreSQL advisory locks that every replica shares") @Schema(
								defaultValue = "PROCESS") @NotNull PermitScope scope)
		implements
			CrossParameterCheck {

	static final String RUN = "ceil(callers / permits) x queryMs";

	@Override
	public @Nullable InvalidParameter crossCheck() {
		return RunLimit.check("queryMs", RUN, RunLimit.rounds(this.callers, this.permits) * this.queryMs);
	}

}
