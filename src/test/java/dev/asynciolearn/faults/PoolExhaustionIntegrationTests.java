package dev.asynciolearn.faults;

import java.time.Duration;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * More callers than connection permits, for longer than a caller may wait for one: a
 * clear 503, a service that keeps answering meanwhile, and permits and pool back to idle
 * afterwards.
 */
@IntegrationTest
@TestPropertySource(properties = "asyncio-learn.database.permit-wait-limit=1s")
@DirtiesContext
class PoolExhaustionIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void callersThatCannotGetAConnectionInTimeGetA503AndNothingLeaks() {
		this.client.post()
			.uri("/api/db/semaphore?callers=30&permits=30&queryMs=3000")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("No database connection available");
		this.client.get().uri("/api/ping").exchange().expectStatus().isOk().expectBody();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			gauge("asyncio.db.permits.held", 0.0);
			gauge("asyncio.db.permits.waiting", 0.0);
			gauge("r2dbc.pool.acquired", 0.0);
		});
	}

	private void gauge(String name, double expected) {
		this.client.get()
			.uri("/actuator/metrics/" + name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(expected);
	}

}
