package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.system.UnavailableException;

/**
 * The table gate (the app's {@code asyncio.Event}) did not open within the wait limit.
 */
class GateClosedException extends UnavailableException {

	GateClosedException(Duration waited) {
		super("Table not ready",
				"Waited " + waited.toMillis()
						+ " ms for the start-up job to create the table (await event.wait()); try again shortly.",
				Duration.ofSeconds(2));
	}

}
