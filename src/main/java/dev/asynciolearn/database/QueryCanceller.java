package dev.asynciolearn.database;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * PostgreSQL's query-cancel protocol, for a worker that was cancelled while its query may
 * still run on the server (or not have reached it yet). Unlike asyncio, where the
 * cancelled coroutine's {@code CancelledError} reaches the driver, a Reactor cancel only
 * stops listening; the server must be told.
 */
final class QueryCanceller {

	private static final Duration CANCEL_EVERY = Duration.ofMillis(100);

	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

	private QueryCanceller() {
	}

	/**
	 * Keep the connection (and its permit) and send PostgreSQL cancel requests until a
	 * {@code SELECT 1} queued behind the query gets through: only then is the backend
	 * really free, and only then may the permit go back.
	 * @param connection the cancelled worker's connection
	 * @return completes once the backend is free (or after ten seconds of trying)
	 */
	static Mono<Void> stopRunningQuery(Connection connection) {
		Sinks.Empty<Void> freed = Sinks.empty();
		Disposable probe = Flux.from(connection.createStatement("SELECT 1").execute())
			.flatMap((result) -> result.map((row, meta) -> 1))
			.subscribe(null, (error) -> freed.tryEmitEmpty(), freed::tryEmitEmpty);
		// One cancel request at a time, each finished before looking again: none is left
		// in flight to hit the next query on this connection.
		Mono<Boolean> round = Mono.defer(() -> cancelQuery(connection))
			.then(freed.asMono().thenReturn(true).timeout(CANCEL_EVERY, Mono.just(false)));
		return round.repeat()
			.takeUntil(Boolean::booleanValue)
			.then()
			.timeout(GIVE_UP_AFTER, Mono.empty())
			.doFinally((signal) -> probe.dispose());
	}

	/**
	 * Send PostgreSQL a cancel request for whatever runs on this connection (on a
	 * separate socket, as the protocol wants); a request that finds nothing running is
	 * ignored by the server.
	 * @param connection a connection, possibly wrapped
	 * @return completes once the request is sent
	 */
	static Mono<Void> cancelQuery(Connection connection) {
		Object current = connection;
		while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
			current = wrapped.unwrap();
		}
		return (current instanceof PostgresqlConnection postgres) ? postgres.cancelRequest().onErrorComplete()
				: Mono.empty();
	}

}
