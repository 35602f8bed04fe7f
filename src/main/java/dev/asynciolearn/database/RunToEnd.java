package dev.asynciolearn.database;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A query the caller may stop waiting for, but that the driver runs to its end:
 * r2dbc-postgresql does not release a row, or an encoded parameter, that meets a query
 * cancelled mid-way (Netty's leak detector reported both in this suite), so the app
 * cancels no query in the driver. Where the server must stop one, it is told so
 * ({@link QueryCanceller}) and the query ends with an error nobody waits for.
 */
final class RunToEnd {

	private RunToEnd() {
	}

	/**
	 * The query, started on subscription and not cancelled with it.
	 * @param <T> the query's result
	 * @param query the query
	 * @return its result, for as long as someone listens
	 */
	static <T> Mono<T> runToEnd(Mono<T> query) {
		return Mono.defer(() -> {
			// The sink keeps the outcome, an error too, whether or not anyone still
			// waits.
			Sinks.One<T> outcome = Sinks.one();
			query.subscribe(outcome::tryEmitValue, outcome::tryEmitError, outcome::tryEmitEmpty);
			return outcome.asMono();
		});
	}

}
