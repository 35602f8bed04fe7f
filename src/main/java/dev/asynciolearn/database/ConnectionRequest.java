package dev.asynciolearn.database;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The query of {@code GET /api/db/connection}.
 *
 * @param failInside whether the body raises
 */
record ConnectionRequest(@Parameter(description = "the body raises after its query") @Schema(
		defaultValue = "false") boolean failInside) {
}
