package dev.asynciolearn.database;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.timeline.Report;
import io.r2dbc.pool.PoolMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class RecordsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private LimitedDatabase database;

	@Test
	void aWrittenRecordComesBackNewestFirst() {
		String payload = "hello " + System.nanoTime();
		Report created = this.client.post()
			.uri("/api/db/records")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("payload", payload))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Report.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.result()).extracting("payload").isEqualTo(payload);
		assertThat(created.timeline()).extracting((event) -> event.task() + ":" + event.event())
			.containsSubsequence("gate:wait", "gate:open", "insert:start", "insert:done");
		this.client.get()
			.uri("/api/db/records?limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.count")
			.isEqualTo(1)
			.jsonPath("$.result.records[0].payload")
			.isEqualTo(payload);
	}

	@Test
	void asyncWithClosesTheConnectionOnSuccessAndOnError() {
		for (boolean failInside : List.of(false, true)) {
			Report report = this.client.get()
				.uri("/api/db/connection?failInside=" + failInside)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Report.class)
				.returnResult()
				.getResponseBody();
			List<String> events = report.timeline().stream().map((e) -> e.task() + ":" + e.event()).toList();
			if (failInside) {
				assertThat(events).containsSubsequence("__aenter__:opened", "body:error", "__aexit__:close after error",
						"__aexit__:closed");
				assertThat(report.result()).extracting("errorInside").asString().contains("failInside=true");
			}
			else {
				assertThat(events).containsSubsequence("__aenter__:opened", "body:done", "__aexit__:close",
						"__aexit__:closed");
				assertThat(report.result()).extracting("now").isNotNull();
			}
			assertThat(report.result()).extracting("permitsHeldAfter").isEqualTo(0);
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.database.poolMetrics().map(PoolMetrics::acquiredSize)).hasValue(0));
		assertThat(this.database.permits().held()).isZero();
	}

	@Test
	void theChaptersGaugesAreExposed() {
		this.client.get()
			.uri("/actuator/metrics/asyncio.db.permits.total")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(10.0);
		this.client.get().uri("/actuator/metrics/asyncio.db.gate.open").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/metrics/asyncio.db.permits.held").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/metrics/asyncio.db.permits.waiting").exchange().expectStatus().isOk();
	}

}
