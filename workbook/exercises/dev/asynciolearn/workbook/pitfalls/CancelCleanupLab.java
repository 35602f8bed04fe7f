package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Pitfall lab: cleanup when a timeout cancels the work ({@code cancel-cleanup}).
 *
 * <pre>
 * async def work():
 *     try:
 *         return await do_work()
 *     finally:
 *         cleanup()        # runs on a timeout too: wait_for cancels work (CancelledError)
 *
 * await asyncio.wait_for(work(), timeout)   # TimeoutError once work has cleaned up
 * </pre>
 *
 * The habit carried over (BROKEN), reading a timeout as an error inside the work:
 *
 * <pre>
 * return work.doOnError((error) -&gt; cleanup.run())   // "except CancelledError: cleanup()"
 *     .timeout(timeout);
 * </pre>
 *
 * The symptom: on a timeout the cleanup never runs. {@code timeout} cancels the work
 * upstream: no error ever reaches it; the {@code TimeoutException} exists only downstream
 * of {@code timeout}. Write the fix.
 * <p>
 * Must hold: when the work outlasts the timeout, the caller gets a
 * {@code TimeoutException} at the timeout, and the cleanup has run once before it does,
 * as the work's {@code finally} runs before {@code wait_for} raises; when the work ends
 * in time, the caller gets its value and the cleanup runs once; when the work fails in
 * time, the caller gets its error and the cleanup runs once.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=CancelCleanupLabExercise}. Compare:
 * {@code CancelCleanupService} and
 * {@code GET /api/pitfalls/cancel-cleanup?variant=FIXED}.
 */
public class CancelCleanupLab {

	/**
	 * {@code asyncio.wait_for(work(), timeout)}, {@code work} cleaning up in its
	 * {@code finally}.
	 * @param work {@code do_work()}, not yet started
	 * @param cleanup the {@code finally} block
	 * @param timeout the limit
	 * @return the work's value or error, or a {@code TimeoutException} at the timeout
	 */
	public Mono<String> waitFor(Mono<String> work, Runnable cleanup, Duration timeout) {
		throw new NotDoneYet("CancelCleanupLab");
	}

}
