package dev.asynciolearn.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code logback.events} counts the events logged, by level, and nothing that a level
 * check turns away.
 */
class LogEventCounterTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger("dev.asynciolearn.system.LogEventCounterTests");

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final LogEventCounter counter = new LogEventCounter();

	@BeforeEach
	void bind() {
		this.logger.setLevel(Level.INFO);
		this.counter.bindTo(this.registry);
	}

	@AfterEach
	void unbind() {
		this.counter.destroy();
		this.logger.setLevel(null);
	}

	@Test
	void countsTheEventsLoggedByLevel() {
		double warnings = count("warn");
		this.logger.warn("one warning");
		this.logger.info("one line");
		this.logger.debug("turned away by the level");
		assertThat(count("warn") - warnings).isEqualTo(1);
		assertThat(count("debug")).isZero();
	}

	@Test
	void countsNothingOnceUnbound() {
		this.counter.destroy();
		double warnings = count("warn");
		this.logger.warn("after the end");
		assertThat(count("warn")).isEqualTo(warnings);
	}

	private double count(String level) {
		return this.registry.get("logback.events").tag("level", level).counter().count();
	}

}
