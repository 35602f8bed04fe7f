package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link LostErrorLab}, in virtual time: the audit takes 10 ms, then succeeds or
 * fails, and counts its subscriptions.
 */
@Hint("subscribe() starts a publisher nobody awaits: its outcome goes nowhere. What does a Reactor method give its "
		+ "caller instead, so that the caller awaits it?")
class LostErrorLabExercise {

	private static final Duration AUDIT_TAKES = Duration.ofMillis(10);

	private final LostErrorLab lab = new LostErrorLab();

	private final AtomicInteger audits = new AtomicInteger();

	@Test
	@Hint("Fire and forget answers ok at once, and the audit's error goes to onErrorDropped; an error handler given "
			+ "to subscribe() only logs it: the caller still hears ok.")
	void anAuditThatFailsFailsTheCaller() {
		StepVerifier.withVirtualTime(() -> this.lab.placeOrder("order-1", audit(true)))
			.expectSubscription()
			.expectNoEvent(AUDIT_TAKES.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("audit of order-1 failed")
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("ok comes once the audit has succeeded, as after await audit(order): not at once, beside it.")
	void theCallerHearsOkOnceTheAuditHasSucceeded() {
		StepVerifier.withVirtualTime(() -> this.lab.placeOrder("order-1", audit(false)))
			.expectSubscription()
			.expectNoEvent(AUDIT_TAKES.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Subscribing to the audit and also returning it runs it twice; subscribing while placeOrder builds runs "
			+ "it before anyone asked. Return it, and the caller's subscription runs it once.")
	void theAuditRunsOnceAsPartOfTheCallersSubscription() {
		StepVerifier.withVirtualTime(() -> {
			Mono<String> placed = this.lab.placeOrder("order-1", audit(false));
			assertThat(this.audits).as("audits started by placeOrder itself").hasValue(0);
			return placed;
		}).thenAwait(AUDIT_TAKES).expectNext("ok").expectComplete().verify(Duration.ofSeconds(2));
		assertThat(this.audits).as("audits run for one caller").hasValue(1);
	}

	/** An audit of 10 ms that fails or succeeds, counting its runs. */
	private Function<String, Mono<Void>> audit(boolean fails) {
		return (order) -> Mono.delay(AUDIT_TAKES)
			.then(fails ? Mono.<Void>error(new IllegalStateException("audit of " + order + " failed")) : Mono.empty())
			.doOnSubscribe((subscription) -> this.audits.incrementAndGet());
	}

}
