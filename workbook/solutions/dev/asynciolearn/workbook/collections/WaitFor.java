package dev.asynciolearn.workbook.collections;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code wait_for} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class WaitFor {

	/**
	 * {@code asyncio.wait_for(work, timeout)}: {@code timeout} starts a timer when the
	 * work is subscribed; if the timer fires first it cancels the work and signals a
	 * {@code TimeoutException}, as asyncio cancels the awaited task and raises
	 * {@code TimeoutError}.
	 * @param <T> the work's result
	 * @param work the work, not yet started
	 * @param timeout how long to wait for it at most
	 * @return the work's result, or a {@code TimeoutException} at the limit
	 */
	public <T> Mono<T> waitFor(Mono<T> work, Duration timeout) {
		return work.timeout(timeout);
	}

}
