package dev.asynciolearn.database;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.database.ConnectionDemoService.ConnectionResult;
import dev.asynciolearn.timeline.Report;
import io.r2dbc.pool.PoolMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.ERROR;
import static dev.asynciolearn.timeline.Event.RESUME;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.WAIT;
import static dev.asynciolearn.timeline.TestReports.exchange;
import static dev.asynciolearn.timeline.TestReports.get;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
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
		Report<DemoRecord> created = exchange(this.client.post()
			.uri("/api/db/records")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("payload", payload)), DemoRecord.class);
		assertThat(created.result().payload()).isEqualTo(payload);
		assertThat(steps(created)).containsSubsequence(step("gate", WAIT), step("gate", RESUME), step("insert", START),
				step("insert", DONE));
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
			Report<ConnectionResult> report = get(this.client, "/api/db/connection?failInside=" + failInside,
					ConnectionResult.class);
			if (failInside) {
				assertThat(steps(report)).containsSubsequence(step("__aenter__", DONE),
						step("body", ERROR,
								"dev.asynciolearn.database.ConnectionDemoService$FailureInside: "
										+ "raised inside 'async with' (failInside=true)"),
						step("__aexit__", CALL, "with dev.asynciolearn.database.ConnectionDemoService$FailureInside: "
								+ "raised inside 'async with' (failInside=true)"),
						step("__aexit__", DONE));
				assertThat(report.result().errorInside()).contains("failInside=true");
			}
			else {
				assertThat(steps(report)).containsSubsequence(step("__aenter__", DONE), step("body", DONE),
						step("__aexit__", CALL, "no exception"), step("__aexit__", DONE));
				assertThat(report.result().now()).isNotNull();
			}
			assertThat(report.result().permitsHeldAfter()).isZero();
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
		this.client.get().uri("/actuator/metrics/asyncio.db.gate.open").exchange().expectStatus().isOk().expectBody();
		this.client.get()
			.uri("/actuator/metrics/asyncio.db.permits.held")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		this.client.get()
			.uri("/actuator/metrics/asyncio.db.permits.waiting")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

}
