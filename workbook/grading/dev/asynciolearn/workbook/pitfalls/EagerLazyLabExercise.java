package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link EagerLazyLab}: the work counts its runs; nothing here needs time.
 */
@Hint("A Mono describes work; building it must not do the work. Which factories take the work, and which operator "
		+ "remembers an outcome?")
class EagerLazyLabExercise {

	private final EagerLazyLab lab = new EagerLazyLab();

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	@Hint("Mono.just(expensive.call()) takes a value that already exists: Java ran expensive() to make it, before "
			+ "anyone subscribed. Which factory takes the callable itself?")
	void lazyRunsNothingUntilSubscribed() {
		Mono<String> coro = this.lab.lazy(this::expensive);
		assertThat(this.runs).as("runs before anyone subscribed").hasValue(0);
		StepVerifier.create(coro).expectNext("result 1").expectComplete().verify(Duration.ofSeconds(2));
		assertThat(this.runs).as("runs once subscribed").hasValue(1);
	}

	@Test
	@Hint("Building the task must not run the work either: Reactor's Task starts at its first subscriber.")
	void aTaskRunsNothingUntilItsFirstSubscriber() {
		Mono<String> task = this.lab.task(this::expensive);
		assertThat(this.runs).as("runs before anyone subscribed").hasValue(0);
		StepVerifier.create(task).expectNext("result 1").expectComplete().verify(Duration.ofSeconds(2));
		assertThat(this.runs).as("runs once subscribed").hasValue(1);
	}

	@Test
	@Hint("Mono.fromCallable alone is cold: each subscriber runs the work again (three runs here). Which operator "
			+ "keeps the outcome of the first run for the subscribers that come later?")
	void aTaskRunsOnceHoweverOftenItIsAwaited() {
		Mono<String> task = this.lab.task(this::expensive);
		StepVerifier.create(Flux.concat(task, task, task))
			.expectNext("result 1", "result 1", "result 1")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.runs).as("runs for three subscribers").hasValue(1);
	}

	@Test
	@Hint("Awaiting a failed Task raises its exception again, without running it again: remembering only values "
			+ "(a field set in doOnNext) runs the failing work once per subscriber.")
	void aFailedTaskGivesEverySubscriberTheSameErrorFromOneRun() {
		Callable<String> failing = () -> {
			throw new IllegalStateException("run " + this.runs.incrementAndGet() + " failed");
		};
		Mono<String> task = this.lab.task(failing);
		StepVerifier.create(task).expectErrorMessage("run 1 failed").verify(Duration.ofSeconds(2));
		StepVerifier.create(task).expectErrorMessage("run 1 failed").verify(Duration.ofSeconds(2));
		assertThat(this.runs).as("runs for two subscribers").hasValue(1);
	}

	private String expensive() {
		return "result " + this.runs.incrementAndGet();
	}

}
