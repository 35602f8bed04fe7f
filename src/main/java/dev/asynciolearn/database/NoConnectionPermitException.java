package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.system.UnavailableException;

/**
 * No permit of the app-wide connection semaphore came free within the wait limit.
 */
class NoConnectionPermitException extends UnavailableException {

	NoConnectionPermitException(Duration waited) {
		super("No database connection available",
				"Waited " + waited.toMillis()
						+ " ms for one of the app's database connection permits (asyncio.Semaphore); all stayed busy.",
				Duration.ofSeconds(1));
	}

}
