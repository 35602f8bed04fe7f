package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.system.Replica;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Connection naming and the gauges of the database chapter.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * Names every connection after the app and the replica ({@code application_name}
	 * {@code asyncio-learn/<replica>}), so the semaphore demo can count in
	 * {@code pg_stat_activity} the backends of this replica and of all of them.
	 */
	@Bean
	ConnectionFactoryOptionsBuilderCustomizer applicationNameOption(Environment environment, Replica replica) {
		String name = environment.getProperty("spring.application.name", "asyncio-learn") + "/" + replica.name();
		return (options) -> options.option(Option.valueOf("applicationName"), name);
	}

	/**
	 * A database that does not answer makes a connection attempt fail after a few
	 * seconds, not hang.
	 */
	@Bean
	ConnectionFactoryOptionsBuilderCustomizer connectTimeout() {
		return (options) -> options.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(3));
	}

	@Bean
	MeterBinder databaseChapterMeters(LimitedDatabase database, TableGate gate) {
		return (registry) -> {
			Gauge.builder("asyncio.db.permits.held", database.permits(), (permits) -> permits.held())
				.description("Connection permits held now (app-wide asyncio.Semaphore)")
				.register(registry);
			Gauge.builder("asyncio.db.permits.waiting", database.permits(), (permits) -> permits.waiting())
				.description("Callers waiting for a connection permit")
				.register(registry);
			Gauge.builder("asyncio.db.permits.total", database.permits(), (permits) -> permits.permits())
				.description("Connection permits in all")
				.register(registry);
			Gauge.builder("asyncio.db.gate.open", gate, (g) -> g.isOpen() ? 1 : 0)
				.description("1 once the table exists (asyncio.Event set)")
				.register(registry);
			Gauge.builder("asyncio.db.gate.waiting", gate, (g) -> g.state().waiting())
				.description("Requests waiting for the table gate")
				.register(registry);
		};
	}

}
