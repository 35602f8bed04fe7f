package dev.asynciolearn.database;

import dev.asynciolearn.timeline.Concept;
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

	Mono<Report> connection(boolean failInside) {
		return Timeline.mono(CONTEXT_MANAGER, (timeline) -> {
			timeline.event("request", "start");
			Mono<String> used = Mono.usingWhen(
					Mono.from(this.database.connections().create())
						.doOnSubscribe((s) -> timeline.event("__aenter__", "open"))
						.doOnNext((connection) -> timeline.event("__aenter__", "opened")),
					(connection) -> body(connection, failInside, timeline),
					(connection) -> exit(connection, timeline, "close"),
					(connection, error) -> exit(connection, timeline, "close after error"),
					(connection) -> exit(connection, timeline, "close after cancel"));
			return used.map((now) -> new ConnectionResult(now, null, this.database.permits().held()))
				.onErrorResume(FailureInside.class,
						(ex) -> Mono.just(new ConnectionResult(null, ex.getMessage(), this.database.permits().held())))
				.map((result) -> {
					timeline.event("request", "done");
					return timeline.report(result);
				});
		});
	}

	private static Mono<String> body(Connection connection, boolean failInside, Timeline timeline) {
		Mono<String> now = Flux.from(connection.createStatement("SELECT now()::text AS now").execute())
			.flatMap((result) -> result.map((row, meta) -> row.get("now", String.class)))
			.next()
			.doOnSubscribe((s) -> timeline.event("body", "query"))
			.doOnNext((value) -> timeline.event("body", "done"));
		if (!failInside) {
			return now;
		}
		return now.then(Mono.error(() -> {
			timeline.event("body", "error");
			return new FailureInside();
		}));
	}

	private static Mono<Void> exit(Connection connection, Timeline timeline, String event) {
		timeline.event("__aexit__", event);
		return Mono.from(connection.close()).doOnSuccess((done) -> timeline.event("__aexit__", "closed"));
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
