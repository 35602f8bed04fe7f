package dev.asynciolearn.database;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The database chapter: the app-wide connection semaphore and the table gate.
 *
 * @param permits connections the app's own code may hold at once (the app-wide
 * {@code asyncio.Semaphore})
 * @param permitWaitLimit how long a caller waits for a permit before a 503
 * @param tableCreationDelay simulated delay before the start-up job creates the table, so
 * the gate is observable
 * @param gateWaitLimit how long a request waits for the gate before a 503
 */
@ConfigurationProperties("asyncio-learn.database")
@Validated
record DatabaseProperties(@DefaultValue("10") @Min(1) @Max(50) int permits,
		@DefaultValue("30s") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration permitWaitLimit,
		@DefaultValue("2s") @DurationMin(millis = 0) @DurationMax(minutes = 10) Duration tableCreationDelay,
		@DefaultValue("30s") @DurationMin(millis = 1) @DurationMax(minutes = 10) Duration gateWaitLimit) {
}
