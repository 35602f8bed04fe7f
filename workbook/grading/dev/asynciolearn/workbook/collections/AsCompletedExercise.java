package dev.asynciolearn.workbook.collections;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link AsCompleted}, in virtual time: jobs 0, 1 and 2 of 300, 100 and 200 ms, as
 * in the study notes; each returns its number.
 */
@Hint("Which factory of Flux subscribes to every source at once and passes each value on the moment it arrives?")
class AsCompletedExercise {

	private final AsCompleted asCompleted = new AsCompleted();

	private final AtomicInteger subscribed = new AtomicInteger();

	@Test
	@Hint("Flux.concat, mergeSequential and Mono.zip keep argument order (0, 1, 2): as_completed gives completion "
			+ "order.")
	void theResultsComeInCompletionOrder() {
		StepVerifier.withVirtualTime(() -> this.asCompleted.asCompleted(jobs()))
			.thenAwait(Duration.ofMillis(300))
			.expectNext(1, 2, 0)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Collecting the results (collectList, sort, a gather) before emitting them gives all three at 300 ms: each "
			+ "must come as its job ends.")
	void eachResultComesAsItsJobEnds() {
		StepVerifier.withVirtualTime(() -> this.asCompleted.asCompleted(jobs()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(99))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(1)
			.expectNoEvent(Duration.ofMillis(99))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(2)
			.expectNoEvent(Duration.ofMillis(99))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(0)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("A concurrency limit (flatMap(job -> job, 2), Flux.merge(Flux.fromIterable(jobs), 2)) starts the third "
			+ "job only when one ends: as_completed starts them all.")
	void everyJobStartsAtOnceWhenTheStreamIsSubscribed() {
		StepVerifier.withVirtualTime(() -> this.asCompleted.asCompleted(jobs()))
			.expectSubscription()
			.then(() -> assertThat(this.subscribed).as("jobs started at 0 ms").hasValue(3))
			.thenAwait(Duration.ofMillis(300))
			.expectNextCount(3)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	private List<Mono<Integer>> jobs() {
		return List.of(job(0, 300), job(1, 100), job(2, 200));
	}

	private Mono<Integer> job(int number, long millis) {
		return Mono.delay(Duration.ofMillis(millis))
			.thenReturn(number)
			.doOnSubscribe((subscription) -> this.subscribed.incrementAndGet());
	}

}
