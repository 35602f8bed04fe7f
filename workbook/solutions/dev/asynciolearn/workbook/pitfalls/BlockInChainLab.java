package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code block-in-chain} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class BlockInChainLab {

	/**
	 * The coroutine above, composed: {@code flatMap} is the {@code await}, the rest of
	 * the coroutine is chained after it and runs when the price comes, on whichever
	 * thread brings it; {@code Mono.delay} is {@code asyncio.sleep}, a timer, not a held
	 * thread.
	 * @param order the order, arriving on a non-blocking thread
	 * @param fetchPrice fetches an order's price (a Mono that completes later)
	 * @param pause what {@code asyncio.sleep(pause)} waits
	 * @return the total, the pause after the price came
	 */
	public Mono<Integer> total(Mono<String> order, Function<String, Mono<Integer>> fetchPrice, Duration pause) {
		return order.flatMap(fetchPrice)
			.map((price) -> price * 2)
			.flatMap((total) -> Mono.delay(pause).thenReturn(total));
	}

}
