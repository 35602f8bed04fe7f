package dev.asynciolearn.workbook.collections;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link WaitFor}, in virtual time: a limit of 300 ms over work of 100 ms (in
 * time) or 500 ms (too late).
 */
@Hint("Which operator of Mono starts a timer when the work is subscribed, and ends the wait (and the work) when it "
		+ "fires first?")
class WaitForExercise {

	private static final Duration LIMIT = Duration.ofMillis(300);

	private final WaitFor waitFor = new WaitFor();

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicInteger cancelled = new AtomicInteger();

	@Test
	@Hint("Work that ends in time gives its result as soon as it ends; nothing waits for the limit.")
	void workThatEndsInTimeGivesItsResultAtItsEnd() {
		StepVerifier.withVirtualTime(() -> this.waitFor.waitFor(work(100), LIMIT))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(99))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("done")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("take(limit) or timeout(limit, Mono.empty()) end quietly, with no value: wait_for raises TimeoutError "
			+ "(java.util.concurrent.TimeoutException); measuring the time after the work ends raises it too late.")
	void workTooLongGivesATimeoutExceptionExactlyAtTheLimit() {
		StepVerifier.withVirtualTime(() -> this.waitFor.waitFor(work(500), LIMIT))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(299))
			.thenAwait(Duration.ofMillis(1))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Starting the work on its own (subscribe, a Sink, a CompletableFuture) and racing a timer against it leaves "
			+ "it running after the limit: wait_for cancels it.")
	void workTooLongIsCancelledAtTheLimitAndNeverEnds() {
		StepVerifier
			.withVirtualTime(() -> this.waitFor.waitFor(work(500), LIMIT)
				.onErrorResume(TimeoutException.class,
						(ex) -> Mono.delay(Duration.ofMillis(300)).thenReturn("went on after the timeout")))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(299))
			.then(() -> assertThat(this.cancelled).as("cancelled before the limit").hasValue(0))
			.thenAwait(Duration.ofMillis(1))
			.then(() -> assertThat(this.cancelled).as("cancel signals the work saw at the limit").hasValue(1))
			.thenAwait(Duration.ofMillis(300))
			.then(() -> assertThat(this.finished).as("the work ended after all (at 500 ms)").hasValue(0))
			.expectNext("went on after the timeout")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	/**
	 * Work of {@code millis} ms that gives {@code "done"}, recording its end or cancel.
	 */
	private Mono<String> work(long millis) {
		return Mono.delay(Duration.ofMillis(millis))
			.thenReturn("done")
			.doOnSuccess((value) -> this.finished.incrementAndGet())
			.doOnCancel(this.cancelled::incrementAndGet);
	}

}
