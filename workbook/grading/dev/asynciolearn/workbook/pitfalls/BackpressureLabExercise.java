package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link BackpressureLab}: the producer counts what it produces; the slow consumer
 * takes 2 ms an item, in virtual time, asking for 16 at a time, as the lab's.
 */
@Hint("A Reactive Streams subscriber says how many items it wants (request(n)); asyncio's bounded put is the "
		+ "producer waiting for that. Produce only what was asked for.")
class BackpressureLabExercise {

	private static final int ITEMS = 200;

	private static final int PREFETCH = 16;

	private final BackpressureLab lab = new BackpressureLab();

	private final AtomicInteger produced = new AtomicInteger();

	private final AtomicInteger consumed = new AtomicInteger();

	private final AtomicInteger peakWaiting = new AtomicInteger();

	@Test
	@Hint("Pushing every item into Flux.create's sink produces all 200 at subscription: the sink buffers them. An overflow strategy only chooses what to do with the excess (buffer, drop, fail); "
			+ "sink.onRequest tells you how many were asked for.")
	void nothingIsProducedBeforeItIsAskedForAndNoMoreThanAsked() {
		StepVerifier.create(this.lab.produce(ITEMS, next()), 0)
			.expectSubscription()
			.then(() -> assertThat(this.produced).as("produced before anything was asked for").hasValue(0))
			.thenRequest(3)
			.expectNext(1, 2, 3)
			.then(() -> assertThat(this.produced).as("produced when 3 were asked for").hasValue(3))
			.thenCancel()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("A consumer that asks for 16 at a time holds at most 16 waiting and one in its hands; more produced means a "
			+ "buffer in between, growing with the source.")
	void aSlowConsumerNeverHasMoreThanItAskedForWaiting() {
		StepVerifier
			.withVirtualTime(() -> this.lab.produce(ITEMS, next())
				.concatMap((item) -> Mono.delay(Duration.ofMillis(2))
					.doOnNext((tick) -> this.consumed.incrementAndGet())
					.thenReturn(item), PREFETCH))
			.thenAwait(Duration.ofMillis(2L * ITEMS))
			.expectNextSequence(IntStream.rangeClosed(1, ITEMS).boxed().toList())
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.consumed).hasValue(ITEMS);
		assertThat(this.peakWaiting.get()).as("most items produced and not yet consumed")
			.isLessThanOrEqualTo(PREFETCH + 1);
	}

	@Test
	@Hint("Emitting what was asked for is half of it: the stream ends once every item is produced "
			+ "(sink.complete()), at once when there are none, and never with more than count items.")
	void everyItemArrivesInOrderThenTheEnd() {
		StepVerifier.create(this.lab.produce(ITEMS, next()))
			.expectNextSequence(IntStream.rangeClosed(1, ITEMS).boxed().toList())
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		StepVerifier.create(this.lab.produce(0, next())).expectComplete().verify(Duration.ofSeconds(2));
	}

	/** Items 1, 2, 3...; counts each produced, and the most produced and not consumed. */
	private IntSupplier next() {
		return () -> {
			int item = this.produced.incrementAndGet();
			this.peakWaiting.accumulateAndGet(item - this.consumed.get(), Math::max);
			return item;
		};
	}

}
