package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link CancelCleanupLab}, in virtual time: a timeout of 100 ms, work of 1000 ms
 * (too long) or 50 ms (in time). What happened is recorded in order: the cleanup, and
 * what the caller got.
 */
@Hint("A timeout does not fail the work, it cancels it. Which hook runs whatever way the work ends: value, error "
		+ "or cancellation?")
class CancelCleanupLabExercise {

	private static final Duration TIMEOUT = Duration.ofMillis(100);

	private final CancelCleanupLab lab = new CancelCleanupLab();

	private final List<String> happened = new CopyOnWriteArrayList<>();

	@Test
	@Hint("doOnError on the work never runs here: the work is cancelled, not failed; the TimeoutException exists only "
			+ "downstream of timeout.")
	@Hint("A cleanup hooked after timeout runs after the caller has the TimeoutException: the work's finally runs "
			+ "before wait_for raises.")
	void onATimeoutTheCleanupRunsBeforeTheCallerGetsTimeoutError() {
		StepVerifier.withVirtualTime(() -> recorded(this.lab.waitFor(work(1000, null), this::cleanup, TIMEOUT)))
			.expectSubscription()
			.expectNoEvent(TIMEOUT.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(2));
		assertThat(this.happened).containsExactly("cleanup", "caller got TimeoutException");
	}

	@Test
	@Hint("doOnCancel runs only on cancellation: a finally also runs when the work returns.")
	void whenTheWorkEndsInTimeTheCallerGetsItsValueAndTheCleanupRunsOnce() {
		StepVerifier.withVirtualTime(() -> recorded(this.lab.waitFor(work(50, null), this::cleanup, TIMEOUT)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(49))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("done")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.happened).containsExactlyInAnyOrder("cleanup", "caller got done");
	}

	@Test
	@Hint("A finally also runs when the work raises, once: hooking the cleanup on errors and again on every end "
			+ "runs it twice.")
	void whenTheWorkFailsInTimeTheCallerGetsItsErrorAndTheCleanupRunsOnce() {
		StepVerifier.withVirtualTime(() -> recorded(this.lab.waitFor(work(50, "work failed"), this::cleanup, TIMEOUT)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(49))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("work failed")
			.verify(Duration.ofSeconds(2));
		assertThat(this.happened).containsExactlyInAnyOrder("cleanup", "caller got IllegalStateException");
	}

	/** The work: {@code done} after {@code millis}, or the error {@code failure}. */
	private static Mono<String> work(long millis, String failure) {
		Mono<Long> delay = Mono.delay(Duration.ofMillis(millis));
		return (failure != null) ? delay.then(Mono.error(new IllegalStateException(failure)))
				: delay.thenReturn("done");
	}

	private void cleanup() {
		this.happened.add("cleanup");
	}

	/** Records what the caller got, when it got it. */
	private Mono<String> recorded(Mono<String> waitFor) {
		return waitFor.doOnNext((value) -> this.happened.add("caller got " + value))
			.doOnError((error) -> this.happened.add("caller got " + error.getClass().getSimpleName()));
	}

}
