package dev.asynciolearn.workbook.pitfalls;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code eager-lazy} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class EagerLazyLab {

	/**
	 * {@code fromCallable} takes the work itself, not its result: it runs the callable
	 * when subscribed, and a failure goes to the subscriber.
	 * @param expensive the work
	 * @return a Mono that runs the work when subscribed
	 */
	public Mono<String> lazy(Callable<String> expensive) {
		return Mono.fromCallable(expensive);
	}

	/**
	 * {@code cache()} subscribes once, at the first subscriber, and replays the outcome
	 * (a value or an error) to every later one, as a Task gives each awaiter its result.
	 * @param expensive the work
	 * @return a Mono that runs the work once, at its first subscriber, and gives every
	 * subscriber that run's outcome
	 */
	public Mono<String> task(Callable<String> expensive) {
		return Mono.fromCallable(expensive).cache();
	}

}
