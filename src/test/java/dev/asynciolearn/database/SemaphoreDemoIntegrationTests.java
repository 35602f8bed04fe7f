package dev.asynciolearn.database;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.database.SemaphoreDemoService.SemaphoreDemoResult;
import dev.asynciolearn.system.Replica;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import io.r2dbc.pool.PoolMetrics;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.asynciolearn.timeline.TestReports.exchange;
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

	@Autowired
	private Replica replica;

	@LocalServerPort
	private int port;

	@Test
	void aHundredCallersTenPermitsNeverMoreThanTenConnectionsAsPostgresSeesIt() {
		Report<SemaphoreDemoResult> report = semaphore("callers=100&permits=10&queryMs=100");
		assertThat(report.result()).isEqualTo(new SemaphoreDemoResult(100, 10, PermitScope.PROCESS, this.replica.name(),
				10, 100, 10, 10, 10, 10, 1000));
		assertThat(report.elapsedMs()).as("ten rounds of 100 ms, not one, not a hundred").isBetween(1000.0, 4000.0);
		assertThat(maxInsideAtOnce(report.timeline())).isEqualTo(10);
		assertThat(report.timeline()).filteredOn((event) -> event.event() == Event.RELEASED).hasSize(100);
		// The backend sampler gives its connection back once its last count is done.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(this::assertIdle);
	}

	@Test
	void theDemosOwnSemaphoreLimitsBelowTheAppWideOne() {
		SemaphoreDemoResult result = semaphore("callers=30&permits=5&queryMs=150").result();
		assertThat(result.peakInside()).isEqualTo(5);
		assertThat(result.peakBackends()).isEqualTo(5);
	}

	@Test
	void theAppWideSemaphoreLimitsAboveIt() {
		SemaphoreDemoResult result = semaphore("callers=60&permits=20&queryMs=200").result();
		assertThat(result.peakInside()).isEqualTo(10);
		assertThat(result.appWidePermits()).isEqualTo(10);
		assertThat(result.peakBackends()).isEqualTo(10);
		assertThat(result.idealMs()).isEqualTo(1200);
	}

	@Test
	void twoDemosAtOnceStillShareTenConnections() {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<SemaphoreDemoResult> results = Flux.range(0, 2)
			.flatMap((i) -> web.post()
				.uri("/api/db/semaphore?callers=50&permits=10&queryMs=100")
				.retrieve()
				.bodyToMono(new ParameterizedTypeReference<Report<SemaphoreDemoResult>>() {
				}))
			.map(Report::result)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(results).hasSize(2).allSatisfy((result) -> {
			assertThat(result.peakPermitsHeldAppWide()).isEqualTo(10);
			assertThat(result.peakBackends()).isLessThanOrEqualTo(10);
			assertThat(result.peakInside()).isLessThanOrEqualTo(10);
		});
		assertThat(this.database.permits().peakHeld()).isEqualTo(10);
		// The backend sampler gives its connection back once its last count is done.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(this::assertIdle);
	}

	@Test
	void clientsThatHangUpLeaveNoPermitConnectionOrQueryBehind() {
		List<Disposable> requests = requests(30, "callers=10&permits=10&queryMs=5000");
		await().atMost(Duration.ofSeconds(10)).until(() -> sleepingBackends() == 10);
		assertThat(this.database.permits().waiting()).isPositive();
		requests.forEach(Disposable::dispose);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertIdle);
		assertThat(sleepingBackends()).as("permits come back only once the query has stopped").isZero();
	}

	@Test
	void withThePermitsInPostgresTheSameLimitHoldsAndEveryPermitGoesBack() {
		Report<SemaphoreDemoResult> report = semaphore("callers=40&permits=5&queryMs=100&scope=DATABASE");
		assertThat(report.result().peakBackends()).isEqualTo(5);
		assertThat(report.result().peakInside()).isEqualTo(5);
		assertThat(report.timeline()).filteredOn((event) -> event.event() == Event.ACQUIRED)
			.hasSize(40)
			.allSatisfy((event) -> assertThat(event.detail()).matches("permit [0-4] in PostgreSQL"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(this::assertIdle);
	}

	@Test
	void clientsThatHangUpWhileHoldingOrAwaitingAPermitInPostgresLeaveNoLockBehind() {
		List<Disposable> requests = requests(5, "callers=10&permits=3&queryMs=5000&scope=DATABASE");
		await().atMost(Duration.ofSeconds(10)).until(() -> sleepingBackends() == 3);
		assertThat(advisoryLocks()).as("three permits held, the others' holders queue for them").isEqualTo(3);
		requests.forEach(Disposable::dispose);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertIdle);
		assertThat(sleepingBackends()).as("permits come back only once the query has stopped").isZero();
		assertThat(advisoryLocks()).isZero();
	}

	@Test
	void aStormOfClientsHangingUpAtRandomMomentsLeavesThePoolIdle() {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		Flux.range(0, 200).subscribe((i) -> {
			Disposable request = web.post()
				.uri("/api/db/semaphore?callers=10&permits=10&queryMs=100")
				.retrieve()
				.bodyToMono(String.class)
				.subscribe(null, (error) -> {
				});
			Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(300)))
				.subscribe((tick) -> request.dispose());
		});
		await().atMost(Duration.ofSeconds(15)).untilAsserted(this::assertIdle);
	}

	private void assertIdle() {
		assertThat(this.database.permits().held()).as("permits held").isZero();
		assertThat(this.database.permits().waiting()).as("callers waiting").isZero();
		assertThat(this.database.poolMetrics().map(PoolMetrics::acquiredSize)).as("pool connections acquired")
			.hasValue(0);
		assertThat(this.database.poolMetrics().map(PoolMetrics::pendingAcquireSize)).as("pool acquires pending")
			.hasValue(0);
	}

	/**
	 * Demo runs sent at once, each to be given up by disposing of it.
	 */
	private List<Disposable> requests(int count, String query) {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		return Flux.range(0, count)
			.map((i) -> web.post().uri("/api/db/semaphore?" + query).retrieve().bodyToMono(String.class).subscribe())
			.collectList()
			.block();
	}

	private long advisoryLocks() {
		return this.unlimited
			.sql("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted")
			.map((row) -> row.get("n", Long.class))
			.one()
			.blockOptional(Duration.ofSeconds(5))
			.orElseThrow();
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

	private Report<SemaphoreDemoResult> semaphore(String query) {
		return exchange(this.client.post().uri("/api/db/semaphore?" + query), SemaphoreDemoResult.class);
	}

	/**
	 * The most workers between "acquired" and "released" at any instant of the timeline.
	 */
	static int maxInsideAtOnce(List<TimelineEvent> timeline) {
		int inside = 0;
		int max = 0;
		for (TimelineEvent event : timeline) {
			if (event.event() == Event.ACQUIRED) {
				max = Math.max(max, ++inside);
			}
			else if (event.event() == Event.RELEASED) {
				inside--;
			}
		}
		return max;
	}

}
