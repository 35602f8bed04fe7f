package dev.asynciolearn.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.asynciolearn.AsyncioLearnApplication;
import dev.asynciolearn.postgres.EmbeddedPostgresServer;
import dev.asynciolearn.postgres.SharedEmbeddedPostgres;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of the app on one PostgreSQL, as behind a load balancer: replica {@code a}
 * in this JVM, replica {@code b} in a JVM of its own, so that it can be killed. 100
 * callers of {@code POST /api/db/semaphore} on each at once: with each process's
 * semaphore PostgreSQL runs the sum; with the permits in PostgreSQL it never runs more
 * than {@code permits}, and a replica killed mid-demo strands none of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIntegrationTests {

	private static final int PERMITS = 10;

	private static final String RUNNING = "SELECT count(*) FILTER (WHERE application_name = $1) AS b, count(*) AS n "
			+ "FROM pg_stat_activity WHERE application_name LIKE 'asyncio-learn/%' AND state = 'active' "
			+ "AND query LIKE 'SELECT pg_sleep(%'";

	private static final Pattern STARTED = Pattern.compile("Netty started on port (\\d+)");

	private static ConfigurableApplicationContext a;

	private static Process b;

	private static WebClient replicaA;

	private static WebClient replicaB;

	private static ConnectionPool pool;

	private static DatabaseClient postgres;

	@BeforeAll
	static void startTwoReplicas() throws Exception {
		EmbeddedPostgresServer server = SharedEmbeddedPostgres.get();
		pool = new ConnectionPool(
				ConnectionPoolConfiguration.builder(ConnectionFactories.get(server.connectionFactoryOptions()))
					.maxSize(2)
					.build());
		postgres = DatabaseClient.create(pool);
		Path data = Files.createTempDirectory("asyncio-learn-replicas");
		Path log = data.resolve("replica-b.log");
		b = new ProcessBuilder(replicaCommand(server, data, "b")).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(b::destroyForcibly, "replica-b-stop"));
		a = SpringApplication.run(AsyncioLearnApplication.class, arguments(server, data, "a").toArray(String[]::new));
		replicaA = client(((WebServerApplicationContext) a).getWebServer().getPort());
		int portB = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(b.isAlive()).as("replica b runs; see " + log).isTrue();
			Matcher started = STARTED.matcher(Files.readString(log));
			return started.find() ? Integer.parseInt(started.group(1)) : 0;
		}, (port) -> port > 0);
		replicaB = client(portB);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> replicaB.get()
				.uri("/actuator/health/readiness")
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.onErrorReturn(0)
				.block(Duration.ofSeconds(5)) == 200);
		// A first run on each, so that the measured runs start together on warm code.
		bothAtOnce(PermitScope.PROCESS, 10);
	}

	@AfterAll
	static void stopTheReplicas() throws InterruptedException {
		if (b != null) {
			b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		if (a != null) {
			a.close();
		}
		if (pool != null) {
			pool.dispose();
		}
	}

	@Test
	@Order(1)
	void withASemaphorePerProcessPostgresRunsTheSumOfThePermits() {
		Peak peak = Peak.watch();
		List<JsonNode> results = bothAtOnce(PermitScope.PROCESS, 500);
		int seen = peak.stop();

		for (JsonNode result : results) {
			assertThat(result.get("peakBackends").asInt()).as("each replica's own").isLessThanOrEqualTo(PERMITS);
			assertThat(result.get("peakBackendsAllReplicas").asInt()).as("what PostgreSQL ran").isGreaterThan(PERMITS);
		}
		assertThat(seen).as("queries PostgreSQL ran at once, seen from outside").isGreaterThan(PERMITS);
		assertNothingHeld(replicaA, replicaB);
	}

	@Test
	@Order(2)
	void withThePermitsInPostgresTheLimitHoldsAcrossReplicas() {
		Peak peak = Peak.watch();
		List<JsonNode> results = bothAtOnce(PermitScope.DATABASE, 200);
		int seen = peak.stop();

		assertThat(results).extracting((result) -> result.get("replica").asString()).containsExactly("a", "b");
		for (JsonNode result : results) {
			assertThat(result.get("scope").asString()).isEqualTo("DATABASE");
			assertThat(result.get("peakBackendsAllReplicas").asInt()).as("what PostgreSQL ran")
				.isBetween(PERMITS / 2, PERMITS);
		}
		assertThat(seen).as("queries PostgreSQL ran at once, seen from outside").isBetween(PERMITS / 2, PERMITS);
		assertNothingHeld(replicaA, replicaB);
	}

	@Test
	@Order(3)
	void killingAReplicaMidDemoStrandsNothing() throws InterruptedException {
		Peak peak = Peak.watch();
		Mono<JsonNode> runA = run(replicaA, PermitScope.DATABASE, 300).cache();
		runA.subscribe();
		run(replicaB, PermitScope.DATABASE, 300).subscribe(null, (error) -> {
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> running().block(Duration.ofSeconds(5)).getT1() > 0);
		b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

		JsonNode result = runA.block(Duration.ofSeconds(60));
		int seen = peak.stop();

		assertThat(result.get("callers").asInt()).isEqualTo(100);
		assertThat(result.get("peakBackendsAllReplicas").asInt()).isLessThanOrEqualTo(PERMITS);
		assertThat(seen).isLessThanOrEqualTo(PERMITS);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					count("SELECT count(*) AS n FROM pg_stat_activity " + "WHERE application_name = 'asyncio-learn/b'"))
				.as("replica b's backends")
				.isZero());
		assertNothingHeld(replicaA);
	}

	private static List<JsonNode> bothAtOnce(PermitScope scope, long queryMs) {
		return Flux.merge(run(replicaA, scope, queryMs), run(replicaB, scope, queryMs))
			.collectSortedList((x, y) -> x.get("replica").asString().compareTo(y.get("replica").asString()))
			.block(Duration.ofSeconds(60));
	}

	private static Mono<JsonNode> run(WebClient replica, PermitScope scope, long queryMs) {
		return replica.post()
			.uri("/api/db/semaphore?callers=100&permits={permits}&queryMs={queryMs}&scope={scope}", PERMITS, queryMs,
					scope)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map((report) -> report.get("result"));
	}

	/**
	 * Every permit back, every connection back in its pool, no advisory lock left in
	 * PostgreSQL.
	 */
	private static void assertNothingHeld(WebClient... replicas) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (WebClient replica : replicas) {
				assertThat(metric(replica, "asyncio.db.permits.held")).as("permits held").isZero();
				assertThat(metric(replica, "r2dbc.pool.acquired")).as("connections out of the pool").isZero();
			}
			assertThat(count("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2"))
				.as("advisory locks in PostgreSQL")
				.isZero();
		});
	}

	private static double metric(WebClient replica, String name) {
		return replica.get()
			.uri("/actuator/metrics/" + name)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map((metric) -> metric.get("measurements").get(0).get("value").asDouble())
			.block(Duration.ofSeconds(5));
	}

	private static long count(String sql) {
		return postgres.sql(sql).map((row) -> row.get("n", Long.class)).one().block(Duration.ofSeconds(5));
	}

	/**
	 * Replica b's backends running the demo query, and every replica's.
	 */
	private static Mono<Tuple2<Long, Long>> running() {
		return postgres.sql(RUNNING)
			.bind(0, "asyncio-learn/b")
			.map((row) -> Tuples.of(row.get("b", Long.class), row.get("n", Long.class)))
			.one();
	}

	private static WebClient client(int port) {
		return WebClient.create("http://localhost:" + port);
	}

	private static List<String> arguments(EmbeddedPostgresServer server, Path data, String replica) {
		return List.of("--server.port=0", "--spring.r2dbc.url=" + server.url(),
				"--asyncio-learn.replica.name=" + replica,
				"--asyncio-learn.offload.data-directory=" + data.resolve("files-" + replica),
				"--asyncio-learn.offload.create-samples=false", "--asyncio-learn.database.table-creation-delay=0s",
				"--spring.main.banner-mode=off");
	}

	private static List<String> replicaCommand(EmbeddedPostgresServer server, Path data, String replica) {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), AsyncioLearnApplication.class.getName()));
		command.addAll(arguments(server, data, replica));
		return command;
	}

	/**
	 * The most demo queries of any replica PostgreSQL runs at once, sampled every 10 ms
	 * from outside the replicas.
	 */
	private record Peak(Sinks.Empty<Void> end, Mono<Long> peak) {

		static Peak watch() {
			Sinks.Empty<Void> stop = Sinks.empty();
			Mono<Long> peak = Flux.interval(Duration.ofMillis(10))
				.onBackpressureDrop()
				.concatMap((tick) -> running().map(Tuple2::getT2), 1)
				.takeUntilOther(stop.asMono())
				.reduce(0L, Math::max)
				.cache();
			peak.subscribe();
			return new Peak(stop, peak);
		}

		int stop() {
			this.end.tryEmitEmpty();
			return this.peak.block(Duration.ofSeconds(5)).intValue();
		}

	}

}
