package dev.asynciolearn.workbook.pitfalls;

import java.util.function.IntSupplier;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Flux;

/**
 * Pitfall lab: a fast producer, a slow consumer ({@code backpressure}).
 *
 * <pre>
 * q = asyncio.Queue(maxsize=16)
 *
 * async def producer(count, next):
 *     for _ in range(count):
 *         await q.put(next())   # waits while 16 items wait: the producer goes at the consumer's pace
 * </pre>
 *
 * The habit carried over (BROKEN), a producer that pushes whatever it has:
 *
 * <pre>
 * return Flux.create((sink) -&gt; {
 *     for (int i = 0; i &lt; count; i++) {
 *         sink.next(next.getAsInt());   // all 200 at once
 *     }
 *     sink.complete();
 * });
 * </pre>
 *
 * The symptom: every item is produced at once and waits in the sink's buffer, which grows
 * without bound, however slowly the consumer goes. Write the fix: a producer that
 * produces only what its subscriber asks for (the lab keeps {@code Flux.create} and emits
 * in {@code sink.onRequest}; any publisher that honours the requests will do).
 * <p>
 * Must hold: nothing is produced before the subscriber asks, and no more than it asks
 * for; a slow consumer that asks for 16 at a time never has more than 17 items produced
 * and not yet consumed (its 16 and the one it works on), as a full
 * {@code Queue(maxsize=16)} holds the producer; every item arrives, in order, then the
 * end, and with {@code count} 0 the end at once.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=BackpressureLabExercise}. Compare:
 * {@code BackpressureService} and {@code GET /api/pitfalls/backpressure?variant=FIXED}.
 */
public class BackpressureLab {

	/**
	 * {@code producer(count, next)}, at its consumer's pace.
	 * @param count how many items to produce
	 * @param next produces the next item at each call
	 * @return the items, produced as they are asked for
	 */
	public Flux<Integer> produce(int count, IntSupplier next) {
		throw new NotDoneYet("BackpressureLab");
	}

}
