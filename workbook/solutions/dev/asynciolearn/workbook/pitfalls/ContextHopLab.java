package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The reference solution of the {@code context-hop} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class ContextHopLab {

	private static final String USER = "user";

	/**
	 * The Reactor {@code Context} belongs to the subscription, not to a thread, so it
	 * crosses every hop: read it after the delay with {@code deferContextual}, on
	 * whichever thread that runs. (With context-propagation and a
	 * {@code ThreadLocalAccessor} for the key, {@code handle} and {@code tap} would also
	 * put it back into the MDC there, as the lab's FIXED variant does.)
	 * @param hop how long it waits, on a timer (the code after it runs on another thread)
	 * @return {@code "hello " + user}, the user of the request it runs in
	 */
	public Mono<String> handler(Duration hop) {
		return Mono.delay(hop)
			.flatMap((tick) -> Mono.deferContextual((context) -> Mono.just("hello " + context.get(USER))));
	}

	/**
	 * {@code contextWrite} puts the user in the Context of this subscription only, as
	 * each task runs in its own copy of the {@code contextvars} context.
	 * @param <T> what the request answers
	 * @param user the user of this request
	 * @param request the request, e.g. {@code handler(hop)}
	 * @return the request, run with {@code user} as its user
	 */
	public <T> Mono<T> withUser(String user, Mono<T> request) {
		return request.contextWrite(Context.of(USER, user));
	}

}
