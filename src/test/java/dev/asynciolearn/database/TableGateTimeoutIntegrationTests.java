package dev.asynciolearn.database;

import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectRetryLater;

/**
 * A fresh app whose table takes a minute to appear, and whose requests wait 300 ms at
 * most: they answer 503 instead of hanging, and readiness tells orchestrators to keep
 * traffic away.
 */
@IntegrationTest
@TestPropertySource(properties = { "asyncio-learn.database.table-creation-delay=60s",
		"asyncio-learn.database.gate-wait-limit=300ms" })
@DirtiesContext
class TableGateTimeoutIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aWriteThatWaitsTooLongIsA503WithRetryAfter() {
		expectRetryLater(this.client.post()
			.uri("/api/db/records")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("payload", "too early")), HttpStatus.SERVICE_UNAVAILABLE, "Table not ready");
		this.client.get().uri("/api/db/records").exchange().expectStatus().isEqualTo(503).expectBody();
	}

	@Test
	void readinessIsOutOfServiceAndLivenessUpWhileTheGateIsClosed() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.tableGate.status")
			.isEqualTo("OUT_OF_SERVICE");
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody();
		this.client.get()
			.uri("/api/db/gate")
			.exchange()
			.expectBody()
			.jsonPath("$.open")
			.isEqualTo(false)
			.jsonPath("$.waiting")
			.isEqualTo(0);
	}

}
