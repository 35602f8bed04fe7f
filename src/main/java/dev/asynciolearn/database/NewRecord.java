package dev.asynciolearn.database;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/db/records}.
 *
 * @param payload text to store, 1 to {@value #MAX_LENGTH} characters
 */
record NewRecord(@Schema(
		description = "text to store in demo_record; no NUL characters (PostgreSQL text cannot hold them)",
		example = "hello from the explorer") @NotBlank @Size(max = MAX_LENGTH) @Pattern(regexp = "^[^\\x00]*$",
				message = "must not contain NUL characters (\\u0000), which PostgreSQL text cannot hold") String payload) {

	static final int MAX_LENGTH = 1000;

}
