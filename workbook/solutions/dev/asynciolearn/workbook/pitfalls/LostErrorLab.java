package dev.asynciolearn.workbook.pitfalls;

import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code lost-error} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class LostErrorLab {

	/**
	 * Return the publisher instead of subscribing to it: the audit becomes a step of the
	 * caller's pipeline ({@code then} is the {@code await}), so it runs when the caller
	 * subscribes, and its error travels to the caller, who can handle it.
	 * @param order the order
	 * @param audit audits an order (a Mono that completes, or fails, later)
	 * @return {@code "ok"} once the audit has succeeded, or the audit's error
	 */
	public Mono<String> placeOrder(String order, Function<String, Mono<Void>> audit) {
		return audit.apply(order).then(Mono.just("ok"));
	}

}
