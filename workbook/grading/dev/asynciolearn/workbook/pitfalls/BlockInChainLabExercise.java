package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link BlockInChainLab}, in real time: the point is what a non-blocking thread
 * refuses (BlockHound runs in the test JVM). Each order arrives on a {@code parallel}
 * thread, as a request's work does on its event loop.
 */
@Hint("await is composition: what follows the await in the coroutine is what you chain after the awaited Mono.")
class BlockInChainLabExercise {

	private final BlockInChainLab lab = new BlockInChainLab();

	@Test
	@Hint("block() waits on the thread that calls it, and Reactor refuses that on parallel and event-loop threads: "
			+ "which operator starts the next step from a Mono's value instead of waiting for it?")
	@Hint("Thread.sleep holds the thread just the same (BlockHound refuses it here): which Mono waits without one?")
	void onANonBlockingThreadTheTotalArrivesWithoutARefusal() {
		StepVerifier.create(this.lab.total(order("order-1"), price(Duration.ofMillis(20)), Duration.ofMillis(5)))
			.expectNext(42)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("The total is due one price (100 ms) and then one pause (100 ms) after the order: skipping the pause, or "
			+ "running it beside the price (Mono.zip, Mono.when), answers at 100 ms.")
	void thePauseComesAfterThePrice() {
		StepVerifier
			.create(this.lab.total(order("order-1"), price(Duration.ofMillis(100)), Duration.ofMillis(100)).elapsed())
			.assertNext((timed) -> {
				assertThat(timed.getT2()).isEqualTo(42);
				assertThat(timed.getT1()).as("ms from the order to the total").isGreaterThanOrEqualTo(195L);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Moving the block() to boundedElastic (fromCallable + subscribeOn) is allowed, but then every order "
			+ "holds a thread while it waits, and there are ten per core: compose instead, and no thread waits.")
	void aThousandOrdersWaitForTheirPricesTogetherHoldingNoThread() {
		AtomicInteger waiting = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		Function<String, Mono<Integer>> price = (order) -> price(Duration.ofMillis(250)).apply(order)
			.doOnSubscribe((subscription) -> peak.accumulateAndGet(waiting.incrementAndGet(), Math::max))
			.doOnNext((value) -> waiting.decrementAndGet());
		List<Mono<Integer>> totals = IntStream.range(0, 1000)
			.mapToObj((i) -> this.lab.total(order("order-" + i), price, Duration.ofMillis(10)))
			.toList();
		StepVerifier.create(Flux.fromIterable(totals).flatMap((total) -> total, totals.size()))
			.expectNextCount(totals.size())
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		int boundedElasticThreads = 10 * Runtime.getRuntime().availableProcessors();
		assertThat(peak.get())
			.as("orders waiting for their price at once (boundedElastic has %d threads)", boundedElasticThreads)
			.isGreaterThan(boundedElasticThreads);
	}

	/** An order that arrives on a non-blocking thread. */
	private static Mono<String> order(String name) {
		return Mono.just(name).publishOn(Schedulers.parallel());
	}

	/** A price of 21 that takes {@code takes} to come, holding no thread. */
	private static Function<String, Mono<Integer>> price(Duration takes) {
		return (order) -> Mono.delay(takes).thenReturn(21);
	}

}
