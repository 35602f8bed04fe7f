package dev.asynciolearn.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.postgres.EmbeddedPostgresServer;
import dev.asynciolearn.system.ApiContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away and comes back while writes keep arriving: database endpoints
 * answer 503 quickly, the rest of the service keeps answering, readiness goes DOWN and UP
 * again by itself, and every write that was acknowledged is in the table. Runs on its own
 * embedded PostgreSQL, stopped and started on the same port and data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "asyncio-learn.offload.data-directory=target/test-data/files",
				"asyncio-learn.offload.create-samples=false", "asyncio-learn.database.table-creation-delay=0s" })
@AutoConfigureWebTestClient(timeout = "30s")
@Import(ApiContract.Configuration.class)
@DirtiesContext
class DatabaseOutageIntegrationTests {

	private static Path directory;

	private static int port;

	private static volatile EmbeddedPostgresServer postgres;

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int serverPort;

	@BeforeAll
	static void startPostgres() throws IOException {
		directory = Files.createTempDirectory("asyncio-learn-outage");
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		postgres = EmbeddedPostgresServer.start(directory.resolve("pg"), port, true);
	}

	@AfterAll
	static void stopPostgres() {
		postgres.close();
	}

	@Test
	void theServiceRidesOutAnOutageAndKeepsEveryAcknowledgedWrite() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.client.get()
				.uri("/api/db/gate")
				.exchange()
				.expectBody()
				.jsonPath("$.open")
				.isEqualTo(true));
		List<String> acknowledged = new CopyOnWriteArrayList<>();
		AtomicInteger refused = new AtomicInteger();
		Disposable writer = keepWriting(acknowledged, refused);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() >= 5);

			postgres.close();
			long start = System.nanoTime();
			this.client.post()
				.uri("/api/db/records")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("payload", "during the outage"))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.exists("Retry-After")
				.expectBody();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered quickly")
				.isLessThan(Duration.ofSeconds(15));
			this.client.get().uri("/api/db/connection").exchange().expectStatus().isEqualTo(503).expectBody();
			this.client.get().uri("/api/ping").exchange().expectStatus().isOk().expectBody();
			this.client.get().uri("/api/offload/io?delayMs=10").exchange().expectStatus().isOk().expectBody();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> this.client.get()
					.uri("/actuator/health/readiness")
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectBody());
			this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody();
			this.client.get()
				.uri("/actuator/metrics/asyncio.db.permits.held")
				.exchange()
				.expectBody()
				.jsonPath("$.measurements[0].value")
				.value((held) -> assertThat(((Number) held).doubleValue())
					.as("permits held during the outage: at most the one write in flight")
					.isLessThanOrEqualTo(1.0));

			postgres = EmbeddedPostgresServer.start(directory.resolve("pg"), port, true);
			int before = acknowledged.size();
			await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() > before + 5);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> this.client.get()
					.uri("/actuator/health/readiness")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody());
		}
		finally {
			writer.dispose();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/metrics/asyncio.db.permits.held")
				.exchange()
				.expectBody()
				.jsonPath("$.measurements[0].value")
				.isEqualTo(0.0));
		assertThat(refused).as("writes refused during the outage").hasPositiveValue();
		List<String> stored = this.database.sql("SELECT payload FROM demo_record WHERE payload LIKE 'outage-%'")
			.map((row) -> row.get("payload", String.class))
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(stored).as("every acknowledged write").containsAll(acknowledged);
	}

	/**
	 * One write every 50 ms; the acknowledged ones are remembered, the refused ones
	 * counted.
	 */
	private Disposable keepWriting(List<String> acknowledged, AtomicInteger refused) {
		WebClient web = WebClient.create("http://localhost:" + this.serverPort);
		return Flux.interval(Duration.ofMillis(50)).onBackpressureDrop().concatMap((i) -> {
			String payload = "outage-" + i;
			return web.post()
				.uri("/api/db/records")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("payload", payload))
				.exchangeToMono((response) -> {
					if (response.statusCode().value() == 201) {
						acknowledged.add(payload);
					}
					else {
						refused.incrementAndGet();
					}
					return response.releaseBody();
				})
				.onErrorResume((error) -> {
					refused.incrementAndGet();
					return reactor.core.publisher.Mono.empty();
				});
		}, 1).subscribe();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		@Bean
		R2dbcConnectionDetails outageDatabase() {
			return () -> postgres.connectionFactoryOptions();
		}

	}

}
