package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.postgres.SharedEmbeddedPostgres;
import dev.asynciolearn.system.ApiProblem;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The permits in PostgreSQL, on two connections of one real server: the first free permit
 * is taken, a transaction's end gives it back, and a wait longer than its limit is a
 * {@code 503}.
 */
class AdvisoryLockSemaphoreIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ConnectionFactory postgres = ConnectionFactories
		.get(SharedEmbeddedPostgres.get().connectionFactoryOptions());

	private Connection first;

	private Connection second;

	@BeforeEach
	void connect() {
		this.first = Mono.from(this.postgres.create()).block(WAIT);
		this.second = Mono.from(this.postgres.create()).block(WAIT);
		Mono.from(this.first.beginTransaction()).block(WAIT);
		Mono.from(this.second.beginTransaction()).block(WAIT);
	}

	@AfterEach
	void close() {
		Mono.from(this.first.close()).block(WAIT);
		Mono.from(this.second.close()).block(WAIT);
	}

	@Test
	void eachTakesTheFirstFreePermit() {
		assertThat(AdvisoryLockSemaphore.acquire(this.first, 3, WAIT).block(WAIT)).isZero();
		assertThat(AdvisoryLockSemaphore.acquire(this.second, 3, WAIT).block(WAIT)).isOne();
	}

	@Test
	void aWaitLongerThanItsLimitIsA503AndTheEndOfATransactionGivesThePermitBack() {
		assertThat(AdvisoryLockSemaphore.acquire(this.first, 1, WAIT).block(WAIT)).isZero();
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> AdvisoryLockSemaphore.acquire(this.second, 1, Duration.ofMillis(200)).block(WAIT))
			.satisfies((problem) -> assertThat(problem.getStatusCode().value()).isEqualTo(503))
			.satisfies((problem) -> assertThat(problem.getBody().getDetail()).contains("200 ms"));
		Mono.from(this.second.rollbackTransaction()).then(Mono.from(this.second.beginTransaction())).block(WAIT);
		Mono.from(this.first.commitTransaction()).block(WAIT);
		assertThat(AdvisoryLockSemaphore.acquire(this.second, 1, Duration.ofMillis(200)).block(WAIT)).isZero();
	}

}
