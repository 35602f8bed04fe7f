package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class StreamServiceTests {

	private final StreamService service = new StreamService();

	@Test
	void asyncForCallsAnextOnlyWhenAnItemIsRequestedAndOneAtATime() {
		AtomicInteger calls = new AtomicInteger();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger peakInFlight = new AtomicInteger();
		Flux<Integer> numbers = AsyncFor.pull(() -> {
			int call = calls.incrementAndGet();
			if (call > 5) {
				return Mono.empty();
			}
			peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			return Mono.delay(Duration.ofMillis(10))
				.thenReturn(call)
				.doOnSuccess((value) -> inFlight.decrementAndGet());
		});
		StepVerifier.create(numbers, 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(calls).as("nothing asked, nothing produced").hasValue(0))
			.thenRequest(1)
			.expectNext(1)
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(calls).as("no __anext__ ahead of demand").hasValue(1))
			.thenRequest(2)
			.expectNext(2, 3)
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> assertThat(calls).hasValue(3))
			.thenRequest(10)
			.expectNext(4, 5)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(calls).as("the last call raised StopAsyncIteration").hasValue(6);
		assertThat(peakInFlight).as("one __anext__ at a time, even when many are asked").hasValue(1);
	}

	/**
	 * An {@code __anext__} that answers at once, followed by one that waits: the second
	 * starts while the first is still being handed over, and must not be lost.
	 */
	@Test
	void anAnextThatAnswersAtOnceDoesNotLoseTheOneAfterIt() {
		AtomicInteger calls = new AtomicInteger();
		Flux<Integer> numbers = AsyncFor.pull(() -> {
			int call = calls.incrementAndGet();
			if (call > 4) {
				return Mono.empty();
			}
			return (call % 2 == 1) ? Mono.just(call) : Mono.delay(Duration.ofMillis(10)).thenReturn(call);
		});
		StepVerifier.create(numbers).expectNext(1, 2, 3, 4).expectComplete().verify(Duration.ofSeconds(2));
	}

	@Test
	void theIteratorDeliversNothingUntilAskedThenOneItemPerDelay() {
		deliversNothingUntilAskedThenOneItemPerDelay(this.service::iterator);
	}

	@Test
	void theGeneratorYieldsAfterEachAwaitAndNothingUntilAsked() {
		deliversNothingUntilAskedThenOneItemPerDelay(this.service::generator);
	}

	private static void deliversNothingUntilAskedThenOneItemPerDelay(
			Function<StreamRequest, Flux<StreamService.Item>> stream) {
		StepVerifier.withVirtualTime(() -> stream.apply(new StreamRequest(3, 100)), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(1))
			.thenRequest(1)
			.thenAwait(Duration.ofMillis(100))
			.assertNext((item) -> assertThat(item.value()).isZero())
			.thenRequest(5)
			.thenAwait(Duration.ofMillis(200))
			.assertNext((item) -> assertThat(item.value()).isOne())
			.assertNext((item) -> assertThat(item.value()).isEqualTo(2))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aCancelledStreamStopsProducing() {
		AtomicInteger calls = new AtomicInteger();
		Flux<Integer> numbers = AsyncFor
			.pull(() -> Mono.delay(Duration.ofMillis(5)).thenReturn(calls.incrementAndGet()));
		StepVerifier.create(numbers).expectNextCount(3).thenCancel().verify(Duration.ofSeconds(5));
		int afterCancel = calls.get();
		StepVerifier.create(Mono.delay(Duration.ofMillis(100))).expectNextCount(1).verifyComplete();
		assertThat(calls.get()).isLessThanOrEqualTo(afterCancel + 1);
	}

}
