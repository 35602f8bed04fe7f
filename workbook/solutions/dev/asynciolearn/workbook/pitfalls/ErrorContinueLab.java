package dev.asynciolearn.workbook.pitfalls;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code error-continue} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class ErrorContinueLab {

	/**
	 * The {@code try} is each item's own {@code Mono}, the {@code except} its
	 * {@code onErrorResume}: a failure ends that item's Mono only, the handler knows the
	 * item, and {@code concatMap} goes on with the next, in order. Errors of
	 * {@code items} are outside every item's Mono and reach the caller. (Were a caller to
	 * add {@code onErrorContinue} downstream anyway, {@code onErrorStop()} on the item's
	 * Mono would keep it from reaching inside.)
	 * @param items the items
	 * @param work the loop body's work; it throws for an item it fails on
	 * @param fallback the result of an item whose work failed
	 * @return each item's result, in order
	 */
	public Flux<Integer> results(Flux<Integer> items, Function<Integer, Integer> work,
			Function<Integer, Integer> fallback) {
		return items
			.concatMap((item) -> Mono.just(item).map(work).onErrorResume((error) -> Mono.just(fallback.apply(item))));
	}

}
