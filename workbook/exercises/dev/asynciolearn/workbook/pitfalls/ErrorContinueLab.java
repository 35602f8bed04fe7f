package dev.asynciolearn.workbook.pitfalls;

import java.util.function.Function;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Flux;

/**
 * Pitfall lab: {@code onErrorContinue} against {@code try}/{@code except} per element
 * ({@code error-continue}).
 *
 * <pre>
 * for i in items:
 *     try:
 *         r = work(i)
 *     except Exception:
 *         r = fallback(i)   # the failed item gets its fallback, in its place; the loop goes on
 *     yield r
 * </pre>
 *
 * The habit carried over (BROKEN), {@code onErrorContinue} added "to keep the loop going"
 * (or alone: {@code items.map(work).onErrorContinue(log)}):
 *
 * <pre>
 * return items.concatMap((i) -&gt; Mono.just(i).map(work).onErrorResume((e) -&gt; Mono.just(fallback.apply(i))))
 *     .onErrorContinue((error, item) -&gt; log(error));
 * </pre>
 *
 * The symptom: item 3 fails and vanishes, {@code [1, 2, 4, 5]}, its own handler never
 * called. {@code onErrorContinue} is not an operator on its stream but a mode it switches
 * on upstream, inner operators included: the failing {@code map} drops the item and goes
 * on, and {@code onErrorResume} never sees the error. Write the fix.
 * <p>
 * Must hold: each item's result comes in order, a failed item's fallback in its place
 * ({@code [1, 2, -3, 4, 5]} when item 3 fails); the loop goes on after every failure,
 * working on each item once and calling the fallback only for the failed ones; an error
 * of {@code items} itself, outside the loop body, still reaches the caller.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=ErrorContinueLabExercise}. Compare:
 * {@code ErrorContinueService} and
 * {@code GET /api/pitfalls/error-continue?variant=FIXED}.
 */
public class ErrorContinueLab {

	/**
	 * The loop above.
	 * @param items the items
	 * @param work the loop body's work; it throws for an item it fails on
	 * @param fallback the result of an item whose work failed
	 * @return each item's result, in order
	 */
	public Flux<Integer> results(Flux<Integer> items, Function<Integer, Integer> work,
			Function<Integer, Integer> fallback) {
		throw new NotDoneYet("ErrorContinueLab");
	}

}
