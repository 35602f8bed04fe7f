package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link ErrorContinueLab}: items 1 to 5, the work returns the item or throws for
 * the failing ones, the fallback of an item is its negative; both record whom they saw.
 */
@Hint("The try/except is inside the loop body: the handler belongs to each item's own work, not to the whole "
		+ "stream.")
class ErrorContinueLabExercise {

	private final ErrorContinueLab lab = new ErrorContinueLab();

	private final List<Integer> worked = new CopyOnWriteArrayList<>();

	private final List<Integer> fellBack = new CopyOnWriteArrayList<>();

	@Test
	@Hint("onErrorContinue drops the failed item (1, 2, 4, 5): it cannot put a fallback in its place, and it stops "
			+ "the handlers upstream from seeing the error at all. onErrorResume or onErrorReturn on the whole stream "
			+ "end it at the first failure.")
	void theFailedItemGetsItsFallbackInItsPlace() {
		StepVerifier.create(this.lab.results(Flux.range(1, 5), work(Set.of(3)), fallback()))
			.expectNext(1, 2, -3, 4, 5)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("After a failure the loop goes on with the next item: each item's work runs once, and only a failed "
			+ "item reaches the fallback.")
	void theLoopGoesOnAfterEveryFailureWorkingOnEachItemOnce() {
		StepVerifier.create(this.lab.results(Flux.range(1, 5), work(Set.of(2, 4)), fallback()))
			.expectNext(1, -2, 3, -4, 5)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.worked).as("items worked on").containsExactly(1, 2, 3, 4, 5);
		assertThat(this.fellBack).as("items given their fallback").containsExactly(2, 4);
	}

	@Test
	@Hint("A handler on the whole stream (onErrorResume, onErrorReturn, onErrorComplete) also swallows an error of "
			+ "the items themselves, which no except in the loop body would catch.")
	void anErrorOfTheItemsThemselvesStillReachesTheCaller() {
		Flux<Integer> broken = Flux.just(1, 2).concatWith(Flux.error(new IllegalStateException("items broke")));
		StepVerifier.create(this.lab.results(broken, work(Set.of()), fallback()))
			.expectNext(1, 2)
			.expectErrorMessage("items broke")
			.verify(Duration.ofSeconds(2));
	}

	private Function<Integer, Integer> work(Set<Integer> failing) {
		return (item) -> {
			this.worked.add(item);
			if (failing.contains(item)) {
				throw new IllegalStateException("work(" + item + ") failed");
			}
			return item;
		};
	}

	private Function<Integer, Integer> fallback() {
		return (item) -> {
			this.fellBack.add(item);
			return -item;
		};
	}

}
