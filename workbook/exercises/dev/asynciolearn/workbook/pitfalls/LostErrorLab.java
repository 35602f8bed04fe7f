package dev.asynciolearn.workbook.pitfalls;

import java.util.function.Function;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Pitfall lab: errors that vanish ({@code lost-error}).
 *
 * <pre>
 * async def place_order(order):
 *     asyncio.create_task(audit(order))   # never awaited
 *     return "ok"
 * # later, in the log: "Task exception was never retrieved"; the caller heard ok
 * </pre>
 *
 * The habit carried over (BROKEN), fire and forget:
 *
 * <pre>
 * audit.apply(order).subscribe();   // no error handler
 * return Mono.just("ok");
 * </pre>
 *
 * The symptom: the caller hears {@code ok} at once; when the audit fails, its error goes
 * to the {@code onErrorDropped} hook ("Operator called default onErrorDropped" in the
 * log) and nobody who could act on it learns. The asyncio fix is
 * {@code await audit(order)} before answering. Write the Reactor fix.
 * <p>
 * Must hold: when the audit fails, its error reaches the caller, and no {@code ok} does;
 * when it succeeds, the caller hears {@code ok} once it has, not before; the audit runs
 * once, as part of the caller's subscription (calling {@code placeOrder} starts nothing).
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=LostErrorLabExercise}. Compare:
 * {@code LostErrorService} and {@code GET /api/pitfalls/lost-error?variant=FIXED}.
 */
public class LostErrorLab {

	/**
	 * {@code place_order(order)}, the audit awaited.
	 * @param order the order
	 * @param audit audits an order (a Mono that completes, or fails, later)
	 * @return {@code "ok"} once the audit has succeeded, or the audit's error
	 */
	public Mono<String> placeOrder(String order, Function<String, Mono<Void>> audit) {
		throw new NotDoneYet("LostErrorLab");
	}

}
