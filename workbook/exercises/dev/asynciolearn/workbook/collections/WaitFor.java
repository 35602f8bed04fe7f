package dev.asynciolearn.workbook.collections;

import java.time.Duration;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code wait_for}.
 *
 * <pre>
 * try:
 *     result = await asyncio.wait_for(work(), timeout)
 * except asyncio.TimeoutError:
 *     ...
 * </pre>
 *
 * Must hold: when the work ends in time, its result, at the work's end; when it does not,
 * a {@code java.util.concurrent.TimeoutException} (Java's {@code TimeoutError}) exactly
 * at the limit, not when the work would have ended; the work is cancelled at the limit
 * and never ends.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=WaitForExercise}. Compare:
 * {@code WaitForService} and {@code GET /api/collections/wait-for}.
 */
public class WaitFor {

	/**
	 * {@code asyncio.wait_for(work, timeout)}.
	 * @param <T> the work's result
	 * @param work the work, not yet started
	 * @param timeout how long to wait for it at most
	 * @return the work's result, or a {@code TimeoutException} at the limit
	 */
	public <T> Mono<T> waitFor(Mono<T> work, Duration timeout) {
		throw new NotDoneYet("WaitFor");
	}

}
