package dev.asynciolearn.database;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/**
 * The query of {@code GET /api/db/records}.
 *
 * @param limit how many of the newest records
 */
record RecordsQuery(@Parameter(description = "how many of the newest records") @Schema(defaultValue = "20") @Range(
		min = 1, max = 1000) int limit) {
}
