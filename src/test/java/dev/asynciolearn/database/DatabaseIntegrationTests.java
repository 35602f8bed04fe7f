package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class DatabaseIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private TableGate gate;

	@Test
	void theAppTalksToARealPostgresql() {
		String version = this.database.sql("SELECT version()")
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10));
		assertThat(version).startsWith("PostgreSQL ");
	}

	@Test
	void healthReportsTheDatabaseUp() {
		awaitTableGate();
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.details.database")
			.isEqualTo("PostgreSQL");
	}

	@Test
	void livenessAndReadinessProbesAreUp() {
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody();
		awaitTableGate();
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody();
	}

	/**
	 * Health is OUT_OF_SERVICE until the start-up job has created the table (see
	 * TableGateIntegrationTests).
	 */
	private void awaitTableGate() {
		await().atMost(Duration.ofSeconds(15)).until(this.gate::isOpen);
	}

}
