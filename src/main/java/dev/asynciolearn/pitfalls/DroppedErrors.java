package dev.asynciolearn.pitfalls;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.system.Causes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Hooks;

import org.springframework.stereotype.Component;

/**
 * Reactor's hook for errors no subscriber takes, installed once per JVM: it logs each one
 * as Reactor's default does ("Operator called default onErrorDropped"), and tells a
 * {@link LostError} that it was dropped, so that lab 8 can show it. Reactor's hooks add
 * up, so this one runs beside any other (the tests' guard).
 */
@Component
class DroppedErrors {

	static final String DEFAULT_MESSAGE = "Operator called default onErrorDropped";

	private static final Log logger = LogFactory.getLog(DroppedErrors.class);

	private static final AtomicBoolean installed = new AtomicBoolean();

	DroppedErrors() {
		if (installed.compareAndSet(false, true)) {
			Hooks.onErrorDropped(DroppedErrors::dropped);
		}
	}

	private static void dropped(Throwable error) {
		LostError lost = Causes.find(error, LostError.class);
		if (lost != null) {
			logger.info("Lab 8 dropped its error on purpose: " + error);
			lost.droppedBy(DEFAULT_MESSAGE);
			return;
		}
		logger.error(DEFAULT_MESSAGE, error);
	}

}
