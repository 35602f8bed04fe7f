package dev.asynciolearn.workbook.sync;

import java.time.Duration;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link Gate}: the grader calls {@code set()} and {@code clear()} itself, in
 * virtual time.
 */
@Hint("Which kind of Sinks completes once, and replays that completion to every subscriber, however late? And what must clear() do, since a completed sink cannot be un-completed?")
class GateExercise {

	private final Gate gate = new Gate();

	@Test
	@Hint("set() sets, clear() clears, isSet() tells which: keep the state, not only the waiters.")
	void isSetFollowsSetAndClear() {
		assertThat(this.gate.isSet()).as("isSet() at first").isFalse();
		this.gate.set();
		assertThat(this.gate.isSet()).as("isSet() after set()").isTrue();
		this.gate.set();
		assertThat(this.gate.isSet()).as("isSet() after a second set()").isTrue();
		this.gate.clear();
		assertThat(this.gate.isSet()).as("isSet() after clear()").isFalse();
	}

	@Test
	@Hint("Mono.empty() (or Mono.just(...)) goes on at once: the waiter must wait until set() is called.")
	void aWaiterDoesNotGoOnBeforeSet() {
		StepVerifier.withVirtualTime(() -> this.gate.waitFor())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(this.gate::set)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("set() releases every waiter, not only the first or the last: a unicast sink, or a single MonoSink kept from Mono.create, releases one.")
	void everyWaiterGoesOnAtSet() {
		StepVerifier.withVirtualTime(() -> Flux.range(0, 5).flatMap((waiter) -> this.gate.waitFor().thenReturn(waiter)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(this.gate::set)
			.expectNextCount(5)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("A waiter that comes once the gate is set goes on at once: the completion must be remembered, not only sent to those already waiting.")
	void aWaiterAfterSetGoesOnAtOnce() {
		this.gate.set();
		StepVerifier.withVirtualTime(() -> this.gate.waitFor())
			.expectSubscription()
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("A sink that has completed stays completed: after clear(), new waiters need a new one (a single Sinks.one or Sinks.empty, never replaced, lets them straight through).")
	void afterClearANewWaiterWaitsForTheNextSet() {
		this.gate.set();
		this.gate.clear();
		StepVerifier.withVirtualTime(() -> this.gate.waitFor())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(this.gate::set)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("waitFor() only describes the wait, like an un-awaited gate.wait(): look at the gate when the Mono is subscribed (Mono.defer), not when waitFor() is called.")
	void waitForLooksAtTheGateWhenSubscribed() {
		this.gate.set();
		Mono<Void> madeWhileSet = this.gate.waitFor();
		this.gate.clear();
		StepVerifier.withVirtualTime(() -> madeWhileSet)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(this.gate::set)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

}
