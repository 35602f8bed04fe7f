package dev.asynciolearn.pitfalls;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * The query of a pitfall lab.
 *
 * @param variant the broken habit or the fixed idiom
 */
record LabRequest(@Parameter(
		description = "BROKEN: the asyncio habit carried over, and the bug it causes; FIXED: the Reactor idiom") @Schema(
				defaultValue = "BROKEN") @NotNull Variant variant) {

}
