package dev.asynciolearn.postgres;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import dev.asynciolearn.system.DroppedSignals;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedPostgresAutoConfigurationTests {

	@TempDir
	Path directory;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class, R2dbcAutoConfiguration.class));

	@Test
	void withNothingConfiguredStartsARealPostgresWhoseDataSurvivesARestart() {
		Path data = this.directory.resolve("pg");
		ApplicationContextRunner embedded = this.runner
			.withPropertyValues("asyncio-learn.embedded-postgres.data-directory=" + data);
		int[] port = new int[1];
		embedded.run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedPostgresServer.class);
			port[0] = context.getBean(EmbeddedPostgresServer.class).port();
			DatabaseClient db = DatabaseClient.create(context.getBean(ConnectionFactory.class));
			assertThat(query(db, "SHOW server_version")).startsWith("17.");
			db.sql("CREATE TABLE survives (note text)").then().block(Duration.ofSeconds(10));
			db.sql("INSERT INTO survives VALUES ('kept')").then().block(Duration.ofSeconds(10));
		});
		assertThatExceptionOfType(IOException.class).as("stopped with the context")
			.isThrownBy(() -> new Socket("localhost", port[0]).close());
		// Known, and left to the driver: at times a pooled connection's goodbye, sent in
		// the background as the context closes, meets the stopped server ("Broken pipe",
		// or "Connection reset by peer" when the server closed first) and has no error
		// handler. Anything else dropped still fails the test.
		assertThat(DroppedSignals.drain()).allMatch(EmbeddedPostgresAutoConfigurationTests::goodbyeToAStoppedServer);
		embedded.run((context) -> {
			DatabaseClient db = DatabaseClient.create(context.getBean(ConnectionFactory.class));
			assertThat(query(db, "SELECT note FROM survives")).isEqualTo("kept");
		});
		assertThat(DroppedSignals.drain()).allMatch(EmbeddedPostgresAutoConfigurationTests::goodbyeToAStoppedServer);
	}

	private static boolean goodbyeToAStoppedServer(String dropped) {
		return dropped.contains("Broken pipe") || dropped.contains("Connection reset by peer");
	}

	@Test
	void stepsAsideWhenAnR2dbcUrlIsSet() {
		this.runner.withPropertyValues("spring.r2dbc.url=r2dbc:postgresql://app@db.example:5432/app").run((context) -> {
			assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class);
			assertThat(context.getBean(R2dbcConnectionDetails.class)
				.getConnectionFactoryOptions()
				.getRequiredValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.example");
		});
	}

	@Test
	void stepsAsideWhenSomethingElseSuppliesTheConnection() {
		this.runner
			.withBean(R2dbcConnectionDetails.class,
					() -> () -> ConnectionFactoryOptions.parse("r2dbc:postgresql://test@container:5432/test"))
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedPostgresServer.class));
	}

	@Test
	void canBeSwitchedOffLeavingBootToAskForAUrl() {
		this.runner.withPropertyValues("asyncio-learn.embedded-postgres.enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("Failed to determine a suitable R2DBC Connection URL");
		});
	}

	private static String query(DatabaseClient db, String sql) {
		// one(), not first(): first() cancels after the first row, and the driver then
		// drops the rest of the server's answer (Operators.onNextDropped).
		return Mono.from(db.sql(sql).map((row) -> row.get(0, String.class)).one()).block(Duration.ofSeconds(10));
	}

}
