package dev.asynciolearn.workbook.streams;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link AsyncIterator}, in virtual time: five numbers, a pause of 200 ms, as in
 * the study notes; the subscriber requests as {@code async for} would, and the grader
 * records each {@code __anext__} the counter starts.
 */
@Hint("async for calls __anext__ only when it wants an item. Which way of making a Flux tells you when, and how "
		+ "many, items are requested, so that each request starts one __anext__ and no more?")
class AsyncIteratorExercise {

	private static final Duration PAUSE = Duration.ofMillis(200);

	private final List<Integer> started = new CopyOnWriteArrayList<>();

	@Test
	@Hint("Each __anext__ awaits its pause before it returns, so the items come at 200, 400 ... 1000 ms, "
			+ "not at once and not all after one pause.")
	void theNumbersComeInOrderOnePauseApartThenTheStreamEnds() {
		StepVerifier.Step<Integer> items = StepVerifier
			.withVirtualTime(() -> new AsyncIterator().count(5, PAUSE, this.started::add))
			.expectSubscription();
		for (int value = 0; value < 5; value++) {
			items = items.expectNoEvent(PAUSE.minusMillis(1)).thenAwait(Duration.ofMillis(1)).expectNext(value);
		}
		items.expectComplete().verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("A subscriber that has requested nothing wants nothing: no __anext__ yet. Flux.interval ticks whether "
			+ "asked or not (and fails with no demand), and flatMap asks its source for items before anyone asks it.")
	void nothingStartsBeforeTheFirstRequest() {
		StepVerifier.withVirtualTime(() -> new AsyncIterator().count(5, PAUSE, this.started::add), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(1))
			.then(() -> assertThat(this.started).as("__anext__ started before any request").isEmpty())
			.thenRequest(1)
			.expectNoEvent(PAUSE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(0)
			.thenCancel()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("concatMap and delayElements start the next item's work as soon as one is delivered: one step ahead of "
			+ "demand, so the next item is ready before it is asked for. Count what is requested and start one "
			+ "__anext__ per item asked, the next once the last one's item is delivered.")
	void eachRequestStartsOneAnextWhoseItemComesAPauseLater() {
		StepVerifier.withVirtualTime(() -> new AsyncIterator().count(5, PAUSE, this.started::add), 0)
			.expectSubscription()
			.thenRequest(1)
			.expectNoEvent(PAUSE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(0)
			.expectNoEvent(Duration.ofSeconds(1))
			.then(() -> assertThat(this.started).as("__anext__ started after one request").containsExactly(0))
			.thenRequest(1)
			.expectNoEvent(PAUSE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(1)
			.expectNoEvent(Duration.ofSeconds(1))
			.thenRequest(2)
			.expectNoEvent(PAUSE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(2)
			.expectNoEvent(PAUSE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(3)
			.expectNoEvent(Duration.ofSeconds(1))
			.then(() -> assertThat(this.started).as("__anext__ started after four items asked")
				.containsExactly(0, 1, 2, 3))
			.thenCancel()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Breaking out of async for ends the iteration: the __anext__ being awaited is dropped and no other "
			+ "starts. Does your loop look at the sink's cancellation (onDispose, isCancelled) before it goes on?")
	void afterACancelAnextIsNeverCalledAgain() {
		// The subscriber stops at 500 ms, while the third __anext__ waits, then lingers.
		StepVerifier
			.withVirtualTime(() -> new AsyncIterator().count(5, PAUSE, this.started::add)
				.take(Duration.ofMillis(500))
				.concatWith(Mono.delay(Duration.ofSeconds(2)).then(Mono.empty())))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(500))
			.expectNext(0, 1)
			.thenAwait(Duration.ofSeconds(2))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.started).as("__anext__ started, the cancel at 500 ms included").containsExactly(0, 1, 2);
	}

}
