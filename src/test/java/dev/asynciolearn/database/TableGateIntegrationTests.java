package dev.asynciolearn.database;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh app whose start-up job waits 4 s before creating the table: writes sent
 * meanwhile wait and all land.
 */
@IntegrationTest
@TestPropertySource(properties = "asyncio-learn.database.table-creation-delay=4s")
@DirtiesContext
class TableGateIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private TableGate gate;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

	@Test
	void writesSentWhileTheGateIsClosedAllLandOnceItOpens() {
		assertThat(this.gate.isOpen()).as("the gate is still closed when the writes are sent").isFalse();
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503).expectBody();
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody();
		this.client.get()
			.uri("/api/db/gate")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.open")
			.isEqualTo(false);

		String batch = "gate-" + System.nanoTime() + "-";
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Report> reports = Flux.range(0, 100)
			.flatMap((i) -> web.post()
				.uri("/api/db/records")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("payload", batch + i))
				.retrieve()
				.bodyToMono(Report.class), 100)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(reports).hasSize(100);
		assertThat(reports).allSatisfy((report) -> assertThat(waitedMs(report)).isGreaterThan(100));
		Long rows = this.database.sql("SELECT count(*) AS n FROM demo_record WHERE payload LIKE $1")
			.bind(0, batch + "%")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(5));
		assertThat(rows).as("none lost, none duplicated").isEqualTo(100);
		assertThat(this.gate.state().released()).isGreaterThanOrEqualTo(100);
		assertThat(this.gate.state().closedForMs()).isGreaterThanOrEqualTo(4000);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody());
	}

	private static double waitedMs(Report<?> report) {
		double waitStart = at(report, Event.WAIT);
		return at(report, Event.RESUME) - waitStart;
	}

	private static double at(Report<?> report, Event event) {
		return report.timeline()
			.stream()
			.filter((e) -> e.task().equals("gate") && e.event() == event)
			.mapToDouble(TimelineEvent::atMs)
			.findFirst()
			.orElseThrow();
	}

}
