package dev.asynciolearn.workbook.offload;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link Ticker}, in virtual time: a period of 100 ms, as in the study notes, and
 * jobs that stand for {@code to_thread(time.sleep, work)}: they wait, then complete with
 * no value, and record their subscriptions and cancellation.
 */
@Hint("Which factory of Flux ticks on a timer (can it tick at once?), and which operator of Flux ends a stream "
		+ "when another publisher signals, subscribing to that publisher for you?")
class TickerExercise {

	private static final Duration PERIOD = Duration.ofMillis(100);

	private final Ticker ticker = new Ticker();

	private final AtomicInteger jobSubscriptions = new AtomicInteger();

	private final AtomicBoolean jobCancelled = new AtomicBoolean();

	@Test
	@Hint("tick_forever ticks first, then sleeps: the first tick comes at 0 ms, not after one period.")
	void ticksComeAtOnceThenEveryPeriodWhileTheJobRuns() {
		StepVerifier.Step<Long> ticks = StepVerifier
			.withVirtualTime(() -> this.ticker.ticksWhile(job(Duration.ofSeconds(10)), PERIOD))
			.expectSubscription()
			.expectNext(0L);
		for (long n = 1; n <= 5; n++) {
			ticks = ticks.expectNoEvent(PERIOD.minusMillis(1)).thenAwait(Duration.ofMillis(1)).expectNext(n);
		}
		ticks.thenCancel().verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("The job ends here with no value (time.sleep returns None): a stop that waits for a value never comes, "
			+ "a merge never ends, and a flag checked at each tick ends the stream one tick late (1000 ms, not 950).")
	void theTicksEndAtOnceWhenTheJobEnds() {
		StepVerifier.withVirtualTime(() -> this.ticker.ticksWhile(job(Duration.ofMillis(950)), PERIOD))
			.expectSubscription()
			.expectNext(0L)
			.thenAwait(Duration.ofMillis(900))
			.expectNext(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)
			.expectNoEvent(Duration.ofMillis(49))
			.thenAwait(Duration.ofMillis(1))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("A Mono is not a task: job.subscribe() starts it on the spot, before anyone subscribes to the ticks, and "
			+ "whatever also subscribes to job to learn of its end starts it a second time.")
	void theJobStartsWithTheSubscriptionAndOnlyOnce() {
		AtomicInteger beforeSubscription = new AtomicInteger(-1);
		StepVerifier.withVirtualTime(() -> {
			Flux<Long> ticks = this.ticker.ticksWhile(job(Duration.ofMillis(250)), PERIOD);
			beforeSubscription.set(this.jobSubscriptions.get());
			return ticks;
		})
			.expectSubscription()
			.thenAwait(Duration.ofMillis(250))
			.expectNext(0L, 1L, 2L)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(beforeSubscription.get()).as("job subscriptions once the ticks were built").isZero();
		assertThat(this.jobSubscriptions.get()).as("job subscriptions in all").isEqualTo(1);
	}

	@Test
	@Hint("When the client hangs up, nobody waits for the job any more: it must be cancelled with the ticks "
			+ "(a job started with subscribe() on the side keeps running).")
	void cancellingTheTicksCancelsTheJob() {
		StepVerifier.withVirtualTime(() -> this.ticker.ticksWhile(job(Duration.ofSeconds(10)), PERIOD))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(250))
			.expectNext(0L, 1L, 2L)
			.thenCancel()
			.verify(Duration.ofSeconds(2));
		assertThat(this.jobCancelled).as("the job was cancelled").isTrue();
	}

	/** A job that takes {@code work}, then completes with no value. */
	private Mono<Void> job(Duration work) {
		return Mono.delay(work)
			.then()
			.doOnSubscribe((subscription) -> this.jobSubscriptions.incrementAndGet())
			.doOnCancel(() -> this.jobCancelled.set(true));
	}

}
