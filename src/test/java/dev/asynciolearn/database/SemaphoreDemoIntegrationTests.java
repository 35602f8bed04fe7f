package dev.asynciolearn.database;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import io.r2dbc.pool.PoolMetrics;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class SemaphoreDemoIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private LimitedDatabase database;

	@Autowired
	private DatabaseClient unlimited;

	@LocalServerPort
	private int port;

	@Test
	void aHundredCallersTenPermitsNeverMoreThanTenConnectionsAsPostgresSeesIt() {
		Report report = semaphore("callers=100&permits=10&queryMs=100");
		Map<String, Object> result = result(report);
		assertThat(result).containsEntry("peakInside", 10)
			.containsEntry("peakPermitsHeldAppWide", 10)
			.containsEntry("peakBackends", 10)
			.containsEntry("idealMs", 1000);
		assertThat(report.elapsedMs()).as("ten rounds of 100 ms, not one, not a hundred").isBetween(1000.0, 4000.0);
		assertThat(maxInsideAtOnce(report.timeline())).isEqualTo(10);
		assertThat(report.timeline()).filteredOn((event) -> event.event().equals("released")).hasSize(100);
		assertIdle();
	}

	@Test
	void theDemosOwnSemaphoreLimitsBelowTheAppWideOne() {
		Map<String, Object> result = result(semaphore("callers=30&permits=5&queryMs=150"));
		assertThat(result).containsEntry("peakInside", 5).containsEntry("peakBackends", 5);
	}

	@Test
	void theAppWideSemaphoreLimitsAboveIt() {
		Map<String, Object> result = result(semaphore("callers=60&permits=20&queryMs=200"));
		assertThat(result).containsEntry("peakInside", 10)
			.containsEntry("appWidePermits", 10)
			.containsEntry("peakBackends", 10)
			.containsEntry("idealMs", 1200);
	}

	@Test
	void twoDemosAtOnceStillShareTenConnections() {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Report> reports = Flux.range(0, 2)
			.flatMap((i) -> web.post()
				.uri("/api/db/semaphore?callers=50&permits=10&queryMs=100")
				.retrieve()
				.bodyToMono(Report.class))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(reports).hasSize(2).allSatisfy((report) -> {
			assertThat(result(report)).extractingByKey("peakPermitsHeldAppWide").isEqualTo(10);
			assertThat((Integer) result(report).get("peakBackends")).isLessThanOrEqualTo(10);
			assertThat((Integer) result(report).get("peakInside")).isLessThanOrEqualTo(10);
		});
		assertThat(this.database.permits().peakHeld()).isEqualTo(10);
		assertIdle();
	}

	@Test
	void tooLongARunIsRefused() {
		this.client.post()
			.uri("/api/db/semaphore?callers=1000&permits=1&queryMs=5000")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("queryMs")
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("at most 60000 ms"));
	}

	@Test
	void clientsThatHangUpLeaveNoPermitConnectionOrQueryBehind() {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<Disposable> requests = Flux.range(0, 30)
			.map((i) -> web.post()
				.uri("/api/db/semaphore?callers=10&permits=10&queryMs=5000")
				.retrieve()
				.bodyToMono(String.class)
				.subscribe())
			.collectList()
			.block();
		await().atMost(Duration.ofSeconds(10)).until(() -> sleepingBackends() == 10);
		assertThat(this.database.permits().waiting()).isPositive();
		requests.forEach(Disposable::dispose);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertIdle);
		assertThat(sleepingBackends()).as("permits come back only once the query has stopped").isZero();
	}

	private void assertIdle() {
		assertThat(this.database.permits().held()).as("permits held").isZero();
		assertThat(this.database.permits().waiting()).as("callers waiting").isZero();
		assertThat(this.database.poolMetrics().map(PoolMetrics::acquiredSize)).as("pool connections acquired")
			.hasValue(0);
	}

	private long sleepingBackends() {
		return this.unlimited
			.sql("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = current_setting"
					+ "('application_name') AND state = 'active' AND query LIKE 'SELECT pg_sleep(%'")
			.map((row) -> row.get("n", Long.class))
			.one()
			.blockOptional(Duration.ofSeconds(5))
			.orElseThrow();
	}

	private Report semaphore(String query) {
		return this.client.post()
			.uri("/api/db/semaphore?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Report.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> result(Report report) {
		return (Map<String, Object>) report.result();
	}

	/**
	 * The most workers between "acquired" and "released" at any instant of the timeline.
	 */
	static int maxInsideAtOnce(List<TimelineEvent> timeline) {
		int inside = 0;
		int max = 0;
		for (TimelineEvent event : timeline) {
			if (event.event().equals("acquired")) {
				max = Math.max(max, ++inside);
			}
			else if (event.event().equals("released")) {
				inside--;
			}
		}
		return max;
	}

}
