package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code cancel-cleanup} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class CancelCleanupLab {

	/**
	 * {@code doFinally} is the {@code finally}: it runs on completion, on error and on
	 * cancellation (its signal says which). Placed on the work, before {@code timeout},
	 * it runs when the timeout cancels the work, before the {@code TimeoutException} goes
	 * downstream.
	 * @param work {@code do_work()}, not yet started
	 * @param cleanup the {@code finally} block
	 * @param timeout the limit
	 * @return the work's value or error, or a {@code TimeoutException} at the timeout
	 */
	public Mono<String> waitFor(Mono<String> work, Runnable cleanup, Duration timeout) {
		return work.doFinally((signal) -> cleanup.run()).timeout(timeout);
	}

}
