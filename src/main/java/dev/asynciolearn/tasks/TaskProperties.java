package dev.asynciolearn.tasks;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the task registry, so that no client can make it grow without limit.
 *
 * @param maxPending tasks running at once per budget (the endpoint that makes them); more
 * answers 429
 * @param keepFinishedFor how long a finished task stays visible
 * @param maxKept tasks kept in all (finished ones beyond it are forgotten, oldest first)
 * @param maxCallbacks done callbacks one task keeps; more answers 409
 */
@ConfigurationProperties("asyncio-learn.tasks")
@Validated
public record TaskProperties(@DefaultValue("100") @Min(1) @Max(10_000) int maxPending,
		@DefaultValue("10m") @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration keepFinishedFor,
		@DefaultValue("1000") @Min(1) @Max(100_000) int maxKept,
		@DefaultValue("20") @Min(1) @Max(1000) int maxCallbacks) {
}
