package dev.asynciolearn.faults;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.asynciolearn.AsyncioLearnApplication;
import dev.asynciolearn.postgres.EmbeddedPostgresServer;
import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole app, with its own embedded PostgreSQL, shut down while a request is in
 * flight: the request finishes, background tasks are cancelled, the server then refuses
 * connections, PostgreSQL stops, and nothing written is lost.
 */
class GracefulShutdownIntegrationTests {

	@Test
	void inFlightRequestsFinishTasksAreCancelledAndNoDataIsLost() throws Exception {
		Path data = Files.createTempDirectory("asyncio-learn-shutdown");
		ConfigurableApplicationContext app = start(data);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		int postgresPort = app.getBean(EmbeddedPostgresServer.class).port();
		WebClient web = WebClient.create("http://localhost:" + port);
		String payload = "kept across a restart " + System.nanoTime();
		web.post()
			.uri("/api/db/records")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("payload", payload))
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(30));
		DemoTask task = app.getBean(TaskRegistry.class)
			.start("GracefulShutdownIntegrationTests", "forever", Mono.never());

		CompletableFuture<Integer> inFlight = web.get()
			.uri("/api/offload/io?delayMs=1500")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.toFuture();
		Thread.sleep(300);
		app.close();

		assertThat(inFlight.get()).as("the in-flight request finished").isEqualTo(200);
		assertThat(task.state()).isEqualTo(DemoTask.State.CANCELLED);
		assertThatExceptionOfType(IOException.class).as("no longer accepting")
			.isThrownBy(() -> new Socket("localhost", port).close());
		assertThatExceptionOfType(IOException.class).as("PostgreSQL stopped")
			.isThrownBy(() -> new Socket("localhost", postgresPort).close());

		ConfigurableApplicationContext again = start(data);
		try {
			int portAgain = ((WebServerApplicationContext) again).getWebServer().getPort();
			String records = WebClient.create("http://localhost:" + portAgain)
				.get()
				.uri("/api/db/records?limit=10")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30));
			assertThat(records).contains(payload);
		}
		finally {
			again.close();
		}
	}

	private static ConfigurableApplicationContext start(Path data) {
		return SpringApplication.run(AsyncioLearnApplication.class, "--server.port=0",
				"--asyncio-learn.embedded-postgres.data-directory=" + data.resolve("pg"),
				"--asyncio-learn.offload.data-directory=" + data.resolve("files"),
				"--asyncio-learn.offload.create-samples=false", "--asyncio-learn.database.table-creation-delay=0s",
				"--spring.main.banner-mode=off");
	}

}
