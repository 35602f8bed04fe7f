package dev.asynciolearn.workbook.streams;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link AsyncWith}, in virtual time, with the study notes' session: it opens in
 * 50 ms, the body takes 100 ms, it closes in 50 ms; each step records what it did.
 */
@Hint("Which factory of Mono takes a resource's opening, the work done with it, and an asynchronous cleanup for "
		+ "each way the work can end (complete, error, cancel), and waits for that cleanup?")
class AsyncWithExercise {

	private static final Duration STEP = Duration.ofMillis(50);

	private static final IllegalStateException FAILURE = new IllegalStateException("raised inside 'async with'");

	private final AsyncWith asyncWith = new AsyncWith();

	private final List<String> events = new CopyOnWriteArrayList<>();

	@Test
	@Hint("async with returns once __aexit__ has finished: the result comes at 200 ms, not at 150 ms. "
			+ "A close subscribed from doFinally (or with subscribe()) runs beside the result, nobody waits for it.")
	void theResultComesOnceCloseHasFinished() {
		StepVerifier
			.withVirtualTime(() -> this.asyncWith.asyncWith(open(), (session) -> body(session, false), this::close))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(199))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("session used")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.events).as("what happened, in order")
			.containsExactly("open", "body session", "close session", "closed");
	}

	@Test
	@Hint("When the body raises, __aexit__ runs, then the exception goes on to the caller (at 200 ms). "
			+ "A close chained after the body's value (flatMap, then) is skipped by an error.")
	void whenTheBodyFailsCloseRunsThenTheErrorGoesOn() {
		StepVerifier
			.withVirtualTime(() -> this.asyncWith.asyncWith(open(), (session) -> body(session, true), this::close))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(199))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((error) -> assertThat(error).as("the error").isSameAs(FAILURE))
			.verify(Duration.ofSeconds(2));
		assertThat(this.events).as("what happened, in order")
			.containsExactly("open", "body session", "close session", "closed");
	}

	@Test
	@Hint("A timeout cancels the body: no value, no error comes from it, yet __aexit__ must run. Close on success "
			+ "and on error only (flatMap, onErrorResume) leaves the resource open when the caller gives up.")
	void whenTheCallerGivesUpCloseStillRunsToItsEnd() {
		// The caller waits 120 ms (the body is running), then 100 ms more, doing
		// something else.
		StepVerifier
			.withVirtualTime(() -> this.asyncWith.asyncWith(open(), (session) -> body(session, false), this::close)
				.timeout(Duration.ofMillis(120))
				.onErrorResume(TimeoutException.class,
						(timeout) -> Mono.delay(Duration.ofMillis(100)).thenReturn("timed out")))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(219))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("timed out")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.events).as("what happened")
			.containsExactlyInAnyOrder("open", "body session", "body cancelled", "close session", "closed");
	}

	@Test
	@Hint("If __aenter__ raises, there is nothing to close and no body to run: the error goes straight to the caller. "
			+ "A resource kept aside in a variable is still null there.")
	void whenOpenFailsNeitherTheBodyNorCloseRuns() {
		StepVerifier
			.withVirtualTime(
					() -> this.asyncWith.asyncWith(failingOpen(), (session) -> body(session, false), this::close))
			.expectSubscription()
			.expectNoEvent(STEP.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("cannot connect")
			.verify(Duration.ofSeconds(2));
		assertThat(this.events).as("what happened").containsExactly("open");
	}

	/** {@code __aenter__}: 50 ms, then the session. */
	private Mono<String> open() {
		return Mono.delay(STEP).thenReturn("session").doOnSubscribe((subscription) -> this.events.add("open"));
	}

	/** An {@code __aenter__} that fails after 50 ms. */
	private Mono<String> failingOpen() {
		return Mono.delay(STEP)
			.then(Mono.<String>error(new IOException("cannot connect")))
			.doOnSubscribe((subscription) -> this.events.add("open"));
	}

	/**
	 * The body: 100 ms with the session, then a value or {@link #FAILURE}; a cancel is
	 * recorded only while it runs.
	 */
	private Mono<String> body(String session, boolean fail) {
		AtomicBoolean ended = new AtomicBoolean();
		return Mono.delay(STEP.multipliedBy(2))
			.flatMap((tick) -> fail ? Mono.<String>error(FAILURE) : Mono.just(session + " used"))
			.doOnSubscribe((subscription) -> this.events.add("body " + session))
			.doOnTerminate(() -> ended.set(true))
			.doOnCancel(() -> {
				if (!ended.get()) {
					this.events.add("body cancelled");
				}
			});
	}

	/** {@code __aexit__}: 50 ms. */
	private Mono<Void> close(String session) {
		return Mono.delay(STEP)
			.doOnSubscribe((subscription) -> this.events.add("close " + session))
			.doOnNext((tick) -> this.events.add("closed"))
			.then();
	}

}
