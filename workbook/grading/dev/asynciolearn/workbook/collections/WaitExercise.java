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
 * Grades {@link Wait}, in virtual time: jobs 0, 1 and 2 of 300, 100 and 200 ms, as in the
 * study notes; each records its start, its end and a cancel.
 */
@Hint("asyncio.wait waits on tasks, which run whoever waits: start each job as a task first (one run, shared), then "
		+ "wait for the first of them to end.")
class WaitExercise {

	private final Wait wait = new Wait();

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicInteger cancelled = new AtomicInteger();

	@Test
	@Hint("Mono.when, zip or collecting all the results waits for the last job (300 ms): FIRST_COMPLETED answers at "
			+ "the first end.")
	void theAnswerComesWhenTheFirstJobEnds() {
		StepVerifier.withVirtualTime(() -> this.wait.firstCompleted(jobs(null)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(99))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(1)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Mono.firstWithSignal, Flux.merge(...).next() and share() cancel the jobs that lost: asyncio.wait leaves "
			+ "them pending and running. And subscribing to a job twice runs it twice.")
	void theOtherJobsRunOnToTheirEndsAfterTheAnswer() {
		StepVerifier
			.withVirtualTime(() -> this.wait.firstCompleted(jobs(null))
				.concatWith(Mono.delay(Duration.ofMillis(300)).then(Mono.empty())))
			.thenAwait(Duration.ofMillis(100))
			.expectNext(1)
			.then(() -> assertThat(this.cancelled).as("jobs cancelled once the answer came").hasValue(0))
			.thenAwait(Duration.ofMillis(200))
			.then(() -> {
				assertThat(this.cancelled).as("jobs cancelled").hasValue(0);
				assertThat(this.finished).as("jobs that ended (by 300 ms)").hasValue(3);
				assertThat(this.started).as("runs of the jobs").hasValue(3);
			})
			.thenAwait(Duration.ofMillis(100))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("A job that fails has completed: asyncio.wait puts it in done and raises nothing, so its index is the "
			+ "answer, not an error.")
	void aJobThatFailsFirstIsTheFirstCompletedWithNoError() {
		StepVerifier.withVirtualTime(() -> this.wait.firstCompleted(jobs(1)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(99))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(1)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	/** Jobs 0, 1 and 2 of 300, 100 and 200 ms; each returns its number, or fails. */
	private List<Mono<Integer>> jobs(Integer failing) {
		return List.of(job(0, 300, failing), job(1, 100, failing), job(2, 200, failing));
	}

	private Mono<Integer> job(int number, long millis, Integer failing) {
		Mono<Integer> ending = (failing != null && failing == number)
				? Mono.error(new IllegalStateException("job " + number + " failed")) : Mono.just(number);
		return Mono.delay(Duration.ofMillis(millis))
			.then(ending)
			.doOnSubscribe((subscription) -> this.started.incrementAndGet())
			.doOnSuccess((value) -> this.finished.incrementAndGet())
			.doOnCancel(this.cancelled::incrementAndGet);
	}

}
