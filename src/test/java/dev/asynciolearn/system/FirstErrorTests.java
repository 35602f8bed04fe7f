package dev.asynciolearn.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;

class FirstErrorTests {

	private final List<String> others = new CopyOnWriteArrayList<>();

	private final FirstError errors = new FirstError((error) -> this.others.add(error.getMessage()));

	@Test
	void workersWithoutErrorsRunToTheirEnd() {
		StepVerifier
			.create(Flux.range(0, 3)
				.flatMap((i) -> Mono.just(i).transform(this.errors.worker()))
				.transform(this.errors.run()))
			.expectNextCount(3)
			.verifyComplete();
	}

	/**
	 * The first error ends the run and cancels the second worker, whose error still comes
	 * (as usingWhen's does once its cleanup ends): it is handed over, not dropped.
	 */
	@Test
	void theFirstErrorEndsTheRunAndALaterOneIsHandedOverNotDropped() {
		TestPublisher<String> first = TestPublisher.create();
		TestPublisher<String> late = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
		StepVerifier
			.create(Flux.just(first, late)
				.flatMap((worker) -> worker.mono().transform(this.errors.worker()))
				.transform(this.errors.run()))
			.then(() -> first.error(new IllegalStateException("first")))
			.expectErrorMessage("first")
			.verify(Duration.ofSeconds(5));
		late.assertWasCancelled();
		late.error(new IllegalStateException("late"));
		assertThat(this.others).containsExactly("late");
		assertThat(DroppedSignals.drain()).isEmpty();
	}

}
