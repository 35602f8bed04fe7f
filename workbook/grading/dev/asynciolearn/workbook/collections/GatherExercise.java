package dev.asynciolearn.workbook.collections;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Grades {@link Gather}, in virtual time: jobs of 300, 100 and 200 ms, as in the study
 * notes.
 */
@Hint("Which factory of Mono subscribes to every source at once and hands you their values in argument order?")
class GatherExercise {

	private final Gather gather = new Gather();

	@Test
	@Hint("Flux.concat (or a chain of flatMap) runs one job after another: 600 ms, not 300.")
	void theJobsRunAtOnceSoAllTakeTheLongestJobsTime() {
		StepVerifier.withVirtualTime(() -> this.gather.gather(jobs(null)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(299))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Flux.merge gives completion order; gather keeps argument order.")
	void theResultsComeInArgumentOrderNotCompletionOrder() {
		StepVerifier.withVirtualTime(() -> this.gather.gather(jobs(null)))
			.thenAwait(Duration.ofMillis(300))
			.expectNext(List.of(0, 1, 2))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("The first error ends the gather at once (asyncio raises it to the awaiter at 100 ms here).")
	void theFirstFailureFailsTheWholeAtOnce() {
		StepVerifier.withVirtualTime(() -> this.gather.gather(jobs(1)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(99))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("job 1 failed")
			.verify(Duration.ofSeconds(2));
	}

	/** Jobs 0, 1 and 2 of 300, 100 and 200 ms; each returns its number, or fails. */
	private static List<Mono<Integer>> jobs(Integer failing) {
		return List.of(job(0, 300, failing), job(1, 100, failing), job(2, 200, failing));
	}

	private static Mono<Integer> job(int number, long millis, Integer failing) {
		return Mono.delay(Duration.ofMillis(millis))
			.then((failing != null && failing == number) ? Mono.error(new IllegalStateException("job " + number + " failed"))
					: Mono.just(number));
	}

}
