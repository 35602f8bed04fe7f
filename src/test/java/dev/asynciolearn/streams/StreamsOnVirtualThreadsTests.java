package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.asynciolearn.streams.StreamService.Item;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iterator and the generator on virtual threads, in real time: pulled, one item per
 * request, by a loop on a virtual thread.
 */
class StreamsOnVirtualThreadsTests {

	private final StreamsOnVirtualThreads service = new StreamsOnVirtualThreads();

	@Test
	void theIteratorDeliversNothingUntilAskedThenOneItemPerRequest() {
		deliversNothingUntilAskedThenOneItemPerRequest(this.service::iterator);
	}

	@Test
	void theGeneratorRunsEachStepOnlyWhenPulled() {
		deliversNothingUntilAskedThenOneItemPerRequest(this.service::generator);
	}

	/**
	 * Each item comes a full delay after it was asked for: nothing was prepared ahead.
	 */
	private static void deliversNothingUntilAskedThenOneItemPerRequest(Function<StreamRequest, Flux<Item>> stream) {
		long[] askedAt = new long[1];
		StepVerifier.create(stream.apply(new StreamRequest(3, 150)), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(300))
			.then(() -> askedAt[0] = System.nanoTime())
			.thenRequest(1)
			.assertNext((item) -> {
				assertThat(item.value()).isZero();
				assertThat(item.thread()).isEqualTo(StreamsOnVirtualThreads.LOOP);
				assertThat(Duration.ofNanos(System.nanoTime() - askedAt[0]))
					.isGreaterThanOrEqualTo(Duration.ofMillis(140));
			})
			.expectNoEvent(Duration.ofMillis(400))
			.then(() -> askedAt[0] = System.nanoTime())
			.thenRequest(5)
			.assertNext((item) -> {
				assertThat(item.value()).isOne();
				assertThat(Duration.ofNanos(System.nanoTime() - askedAt[0]))
					.isGreaterThanOrEqualTo(Duration.ofMillis(140));
			})
			.assertNext((item) -> assertThat(item.value()).isEqualTo(2))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aSubscriberThatLeavesInterruptsTheLoop() throws InterruptedException {
		AtomicInteger taken = new AtomicInteger();
		CountDownLatch interrupted = new CountDownLatch(1);
		Iterator<Integer> slow = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Integer next() {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					interrupted.countDown();
					throw new IllegalStateException("interrupted");
				}
				return taken.incrementAndGet();
			}

		};
		StepVerifier.create(BlockingFor.pull("loop", () -> slow))
			.expectNextCount(3)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(interrupted.await(2, TimeUnit.SECONDS)).as("the loop was interrupted").isTrue();
		int atCancel = taken.get();
		Thread.sleep(200);
		assertThat(taken.get()).as("nothing taken after the cancel").isLessThanOrEqualTo(atCancel);
	}

}
