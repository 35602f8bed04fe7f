package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.function.Function;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Pitfall lab: {@code block()} inside the chain ({@code block-in-chain}).
 *
 * <pre>
 * price = await fetch_price(order)   # suspends; the loop runs others meanwhile
 * total = price * 2
 * await asyncio.sleep(pause)
 * return total
 * </pre>
 *
 * The habit carried over (BROKEN):
 *
 * <pre>
 * return order.map((o) -&gt; fetchPrice.apply(o).block() * 2)   // "await"
 *     .map((total) -&gt; { Thread.sleep(pause.toMillis()); return total; });   // "asyncio.sleep"
 * </pre>
 *
 * The symptom: the order arrives on a thread that must never wait (an event loop,
 * {@code parallel-*}), and there Reactor refuses at once with
 * {@code IllegalStateException: block()/blockFirst()/blockLast() are blocking, which is
 * not supported in thread parallel-1}; the {@code Thread.sleep} holds the thread (in the
 * tests BlockHound refuses it: {@code Blocking call! java.lang.Thread.sleep}). Write the
 * fix.
 * <p>
 * Must hold: with the order arriving on a {@code parallel} thread, the total (the price
 * times two) arrives, nothing refused and nothing blocking; it arrives the price's time
 * plus the pause after the order, the pause after the price, not beside it; a thousand
 * orders at once all wait for their prices together, because none holds a thread while it
 * waits.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=BlockInChainLabExercise}. Compare:
 * {@code BlockInChainService} and {@code GET /api/pitfalls/block-in-chain?variant=FIXED}.
 */
public class BlockInChainLab {

	/**
	 * The coroutine above: the order's price, doubled, after a pause that holds no
	 * thread.
	 * @param order the order, arriving on a non-blocking thread
	 * @param fetchPrice fetches an order's price (a Mono that completes later)
	 * @param pause what {@code asyncio.sleep(pause)} waits
	 * @return the total, the pause after the price came
	 */
	public Mono<Integer> total(Mono<String> order, Function<String, Mono<Integer>> fetchPrice, Duration pause) {
		throw new NotDoneYet("BlockInChainLab");
	}

}
