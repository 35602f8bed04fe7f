package dev.asynciolearn.postgres;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PostgreSQL the app starts by itself when no {@code spring.r2dbc.url} is set.
 *
 * @param enabled whether to start it at all (without a URL and disabled, the app has no
 * database)
 * @param dataDirectory where its data lives, kept across restarts
 * @param port the port it listens on, {@code 0} for any free port
 */
@ConfigurationProperties("asyncio-learn.embedded-postgres")
@Validated
record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("data/postgres") @NotNull Path dataDirectory, @DefaultValue("0") @Min(0) @Max(65535) int port) {
}
