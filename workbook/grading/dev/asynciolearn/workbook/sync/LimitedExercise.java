package dev.asynciolearn.workbook.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link Limited}, in virtual time: each job counts itself running from its
 * subscription until its delay ends.
 */
@Hint("Which operator of Flux subscribes to inner publishers as their sources arrive, and takes a number that caps how many run at once?")
class LimitedExercise {

	private final Limited limited = new Limited();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final AtomicIntegerArray subscriptions = new AtomicIntegerArray(10);

	@Test
	@Hint("Flux.merge, or flatMap without its concurrency argument, starts all ten jobs at once: the semaphore lets in only limit.")
	void neverMoreThanLimitJobsRunAtOnce() {
		StepVerifier.withVirtualTime(() -> this.limited.limited(jobs(10, 100), 3))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(1000))
			.expectNextCount(10)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.peak.get()).as("the most jobs running at once, with a limit of 3").isLessThanOrEqualTo(3);
	}

	@Test
	@Hint("concatMap (or Flux.concat) runs one job at a time: 1000 ms; all at once would be 100 ms. With a limit of 3 the jobs run three by three: 400 ms.")
	void tenJobsOf100MsWithALimitOf3TakeFourRounds() {
		StepVerifier.withVirtualTime(() -> this.limited.limited(jobs(10, 100), 3).collectList())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(399))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((results) -> assertThat(results).hasSize(10))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.peak.get()).as("the most jobs running at once, with a limit of 3").isEqualTo(3);
	}

	@Test
	@Hint("A semaphore hands a released permit to the next waiter at once. Batches (buffer or window, then merge) and flatMapSequential wait for a group's slowest job before starting more.")
	void aJobThatEndsGivesItsPlaceAtOnce() {
		StepVerifier
			.withVirtualTime(() -> this.limited.limited(List.of(job(0, 300), job(1, 100), job(2, 100), job(3, 100)), 2)
				.collectList())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(299))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((results) -> assertThat(results).containsExactlyInAnyOrder(0, 1, 2, 3))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Subscribe to each job exactly once (a Mono runs again for each subscriber) and let every result through.")
	void everyJobRunsOnceAndEveryResultComesOut() {
		List<Mono<Integer>> jobs = List.of(job(0, 50), job(1, 250), job(2, 100), job(3, 150), job(4, 50), job(5, 200),
				job(6, 100));
		StepVerifier.withVirtualTime(() -> this.limited.limited(jobs, 3).collectList())
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((results) -> assertThat(results).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		for (int i = 0; i < jobs.size(); i++) {
			assertThat(this.subscriptions.get(i)).as("subscriptions to job " + i).isOne();
		}
	}

	private List<Mono<Integer>> jobs(int count, long millis) {
		List<Mono<Integer>> jobs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			jobs.add(job(i, millis));
		}
		return jobs;
	}

	/**
	 * A job that returns its number after a delay, running from its subscription until
	 * its delay ends (counted before it signals, so the next job's start is not counted
	 * ahead of this one's end).
	 */
	private Mono<Integer> job(int number, long millis) {
		return Mono.delay(Duration.ofMillis(millis)).map((tick) -> {
			this.running.decrementAndGet();
			return number;
		}).doOnSubscribe((subscription) -> {
			this.subscriptions.incrementAndGet(number);
			this.peak.accumulateAndGet(this.running.incrementAndGet(), Math::max);
		}).doOnCancel(this.running::decrementAndGet);
	}

}
