package dev.asynciolearn.offload;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the {@code to_thread} demos.
 *
 * @param dataDirectory the only folder files are ever read from
 * @param defaultLatency the simulated storage latency when a request names none (slow
 * disk or network filesystem)
 * @param createSamples whether to write the sample files into the data folder at start-up
 * when they are missing
 */
@ConfigurationProperties("asyncio-learn.offload")
@Validated
record OffloadProperties(@DefaultValue("data/files") @NotNull Path dataDirectory,
		@DefaultValue("50ms") @DurationMin(millis = 0) @DurationMax(
				millis = FileRequest.MAX_LATENCY_MS) Duration defaultLatency,
		@DefaultValue("true") boolean createSamples) {
}
