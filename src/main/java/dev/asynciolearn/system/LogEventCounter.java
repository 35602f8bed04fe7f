package dev.asynciolearn.system;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.AppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Actuator's {@code logback.events} counter (log events by level, as Micrometer's
 * {@code LogbackMetrics} counts them), counted by an appender on the root logger instead
 * of a turbo filter. Logback asks every turbo filter at every level check, and the
 * framework checks {@code isDebugEnabled()} several times per request: that filter cost
 * 1.6 µs of a pure-I/O request's 48 (bench/README.md). An appender runs only for the
 * events that are logged. Boot's own binder is excluded in {@code application.yml}.
 */
@Component
class LogEventCounter implements MeterBinder, DisposableBean {

	private static final Level[] LEVELS = { Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE };

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Appender appender = new Appender();

	private final Listener listener = new Listener();

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Level level : LEVELS) {
			this.appender.counters.put(level.toInt(),
					Counter.builder("logback.events")
						.tag("level", level.levelStr.toLowerCase(Locale.ROOT))
						.description("Number of log events that were enabled by the effective log level")
						.baseUnit("events")
						.register(registry));
		}
		attach();
		this.context.addListener(this.listener);
	}

	private void attach() {
		this.appender.setContext(this.context);
		this.appender.setName("logback.events");
		this.appender.start();
		root().addAppender(this.appender);
	}

	private Logger root() {
		return this.context.getLogger(Logger.ROOT_LOGGER_NAME);
	}

	@Override
	public void destroy() {
		this.context.removeListener(this.listener);
		root().detachAppender(this.appender);
		this.appender.stop();
	}

	private static final class Appender extends AppenderBase<ILoggingEvent> {

		private final Map<Integer, Counter> counters = new ConcurrentHashMap<>();

		@Override
		protected void append(ILoggingEvent event) {
			Counter counter = this.counters.get(event.getLevel().toInt());
			if (counter != null) {
				counter.increment();
			}
		}

	}

	/**
	 * Logback drops every appender when it is reset (Boot resets it when another
	 * application starts in the same JVM): this puts the counter back.
	 */
	private final class Listener implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onReset(LoggerContext context) {
			attach();
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
