package dev.asynciolearn.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;

class UntilTests {

	@Test
	void valuesPassUntilTheOtherSignals() {
		TestPublisher<Integer> source = TestPublisher.create();
		Sinks.One<Boolean> end = Sinks.one();
		StepVerifier.create(Until.until(source.flux(), end.asMono()))
			.then(() -> source.next(1, 2))
			.expectNext(1, 2)
			.then(() -> end.tryEmitValue(true))
			.verifyComplete();
		source.assertWasCancelled();
	}

	/**
	 * A value that the source still emits once the end has come (it had begun emitting on
	 * another thread, as a timer's tick does) is discarded, not dropped as
	 * {@code takeUntilOther} drops it.
	 */
	@Test
	void aValueThatLosesTheRaceIsNeitherDeliveredNorDropped() {
		TestPublisher<Integer> source = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
		Sinks.Empty<Void> end = Sinks.empty();
		StepVerifier.create(Until.until(source.flux(), end.asMono()))
			.then(() -> source.next(1))
			.expectNext(1)
			.then(() -> {
				end.tryEmitEmpty();
				source.next(2);
			})
			.verifyComplete();
		assertThat(DroppedSignals.drain()).isEmpty();
	}

	@Test
	void anErrorOfTheOtherEndsTheValuesWithIt() {
		TestPublisher<Integer> source = TestPublisher.create();
		StepVerifier.create(Until.until(source.flux(), Mono.error(new IllegalStateException("job"))))
			.expectErrorMessage("job")
			.verify(Duration.ofSeconds(5));
	}

}
