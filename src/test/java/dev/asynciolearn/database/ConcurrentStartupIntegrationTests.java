package dev.asynciolearn.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.asynciolearn.AsyncioLearnApplication;
import dev.asynciolearn.IntegrationTest;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the app start at the same moment against one database whose table does
 * not exist yet (a fresh schema): exactly one creates it, both open their gates, neither
 * fails.
 */
@IntegrationTest
class ConcurrentStartupIntegrationTests {

	@Autowired
	private R2dbcConnectionDetails connectionDetails;

	@Autowired
	private DatabaseClient database;

	@Test
	void exactlyOneOfTwoInstancesCreatesTheTableAndBothOpen() {
		String schema = "startup_" + System.nanoTime();
		this.database.sql("CREATE SCHEMA " + schema).then().block(Duration.ofSeconds(10));
		ConnectionFactoryOptions options = this.connectionDetails.getConnectionFactoryOptions()
			.mutate()
			.option(Option.valueOf("schema"), schema)
			.build();
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try {
			List<CompletableFuture<ConfigurableApplicationContext>> starting = List.of(start(options), start(options));
			starting.forEach((future) -> instances.add(future.join()));
			List<TableGate> gates = instances.stream().map((context) -> context.getBean(TableGate.class)).toList();
			await().atMost(Duration.ofSeconds(30)).until(() -> gates.stream().allMatch(TableGate::isOpen));
			assertThat(gates).filteredOn((gate) -> gate.state().tableCreatedByThisInstance()).hasSize(1);
			Long tables = this.database
				.sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2")
				.bind(0, schema)
				.bind(1, TableInitializer.TABLE)
				.map((row) -> row.get("n", Long.class))
				.one()
				.block(Duration.ofSeconds(5));
			assertThat(tables).isEqualTo(1);
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
			this.database.sql("DROP SCHEMA " + schema + " CASCADE").then().block(Duration.ofSeconds(10));
		}
	}

	private static CompletableFuture<ConfigurableApplicationContext> start(ConnectionFactoryOptions options) {
		return CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(AsyncioLearnApplication.class).web(WebApplicationType.NONE)
				.initializers((context) -> context.getBeanFactory()
					.registerSingleton("schemaConnectionDetails", (R2dbcConnectionDetails) () -> options))
				.properties("asyncio-learn.database.table-creation-delay=0s", "spring.main.banner-mode=off",
						"asyncio-learn.offload.data-directory=target/test-data/files",
						"asyncio-learn.offload.create-samples=false")
				.run());
	}

}
