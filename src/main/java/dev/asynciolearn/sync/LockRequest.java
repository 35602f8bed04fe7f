package dev.asynciolearn.sync;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/sync/lock}.
 *
 * @param workers workers that each add one to the counter
 * @param useLock {@code async with lock:} around read, suspend, write
 */
record LockRequest(
		@Parameter(description = "workers that each read the counter, suspend, and write it plus one") @Schema(
				defaultValue = "50") @Range(min = 1, max = 1000) int workers,
		@Parameter(description = "async with lock: around read, suspend, write") @Schema(
				defaultValue = "false") boolean useLock) {
}
