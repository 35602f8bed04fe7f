package dev.asynciolearn.database;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code async with Database() as conn:} ({@code example_context_manager.py}):
 * {@code __aenter__} opens the connection without blocking, the body uses it,
 * {@code __aexit__} closes it on success, on error and on cancellation. That is
 * {@code Mono.usingWhen(open, use, close, closeOnError, closeOnCancel)}.
 * <p>
 * The difference that matters: {@code __aexit__} receives the exception and may swallow
 * it; {@code usingWhen}'s error cleanup only cleans up, and the error travels on (this
 * demo catches it afterwards to report it).
 */
@Service
class ConnectionDemoService {

	static final Concept CONTEXT_MANAGER = new Concept("async with: open, use, always close",
			"async with Database() as conn:\n    await conn.execute('SELECT now()')",
			"Mono.usingWhen(connections.create(), (conn) -> query(conn), Connection::close, "
					+ "(conn, error) -> conn.close(), Connection::close)");

	private final LimitedDatabase database;

	ConnectionDemoService(LimitedDatabase database) {
		this.database = database;
	}

	Mono<Report<ConnectionResult>> connection(ConnectionRequest request) {
		return Timeline.request(CONTEXT_MANAGER, (timeline) -> Mono
			.usingWhen(
					Mono.from(this.database.connections().create())
						.transform(timeline.task("__aenter__", Event.START, Event.DONE)),
					(connection) -> body(connection, request.failInside(), timeline),
					(connection) -> exit(connection, timeline, "no exception"),
					(connection, error) -> exit(connection, timeline, "with " + error),
					(connection) -> exit(connection, timeline, "on cancellation"))
			.map((now) -> new ConnectionResult(now, null, this.database.permits().held()))
			.onErrorResume(FailureInside.class, (ex) -> Mono
				.fromSupplier(() -> new ConnectionResult(null, ex.getMessage(), this.database.permits().held()))));
	}

	private static Mono<String> body(Connection connection, boolean failInside, Timeline timeline) {
		Mono<String> now = Flux.from(connection.createStatement("SELECT now()::text AS now").execute())
			.flatMap((result) -> result.map((row, meta) -> row.get("now", String.class)))
			.next();
		return (failInside ? now.then(Mono.<String>error(FailureInside::new)) : now)
			.transform(timeline.task("body", Event.START, Event.DONE));
	}

	private static Mono<Void> exit(Connection connection, Timeline timeline, String how) {
		timeline.event("__aexit__", Event.CALL, how);
		return Mono.from(connection.close()).doOnSuccess((done) -> timeline.event("__aexit__", Event.DONE));
	}

	/**
	 * What the body of {@code async with} produced.
	 *
	 * @param now the database's clock, when the body succeeded
	 * @param errorInside the error raised inside the body, if any
	 * @param permitsHeldAfter connection permits held app-wide once the block was left
	 * (the connection is back)
	 */
	record ConnectionResult(@Nullable String now, @Nullable String errorInside, int permitsHeldAfter) {
	}

	static final class FailureInside extends RuntimeException {

		FailureInside() {
			super("raised inside 'async with' (failInside=true)");
		}

	}

}
