package dev.asynciolearn.workbook.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link Interleave}, in real time (the claim is about threads): tasks {@code a}
 * and {@code b} of three steps each, run together on a single-threaded "loop".
 */
@Hint("A step, then a pause that holds no thread and ends on the loop: what does Reactor offer for asyncio.sleep, "
		+ "and which of its arguments names the thread it resumes on?")
class InterleaveExercise {

	private static final String LOOP = "workbook-loop";

	private final Interleave interleave = new Interleave();

	private final Scheduler loop = Schedulers.newSingle(LOOP);

	private final List<String> steps = new CopyOnWriteArrayList<>();

	private final List<String> threads = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopTheLoop() {
		this.loop.dispose();
	}

	@Test
	@Hint("A plain loop (or Thread.sleep between steps) never gives the loop back: a runs to its end before b starts.")
	void theStepsAlternateBecauseEachTaskSuspendsAfterEachStep() {
		StepVerifier.create(bothTasks()).expectComplete().verify(Duration.ofSeconds(2));
		assertThat(this.steps).containsExactly("a:0", "b:0", "a:1", "b:1", "a:2", "b:2");
	}

	@Test
	@Hint("Mono.delay(pause) without a scheduler resumes on a parallel-* timer thread, and Schedulers.single() is "
			+ "another loop than the one you were given.")
	void everyStepRunsOnTheLoopsOneThread() {
		StepVerifier.create(bothTasks()).expectComplete().verify(Duration.ofSeconds(2));
		assertThat(this.threads).hasSize(6).allSatisfy((thread) -> assertThat(thread).startsWith(LOOP + "-"));
		assertThat(this.threads).containsOnly(this.threads.get(0));
	}

	@Test
	@Hint("task(\"a\") in Python makes a coroutine object that runs nothing until awaited: do not subscribe inside "
			+ "task(), return the pipeline and let the caller start it.")
	void theTaskRunsNothingUntilSubscribedThenItsStepsInOrder() throws InterruptedException {
		Mono<Void> task = this.interleave.task("a", 3, this::log, this.loop);
		Thread.sleep(50);
		assertThat(this.steps).as("steps logged before anyone subscribed").isEmpty();
		StepVerifier.create(task.subscribeOn(this.loop)).expectComplete().verify(Duration.ofSeconds(2));
		assertThat(this.steps).containsExactly("a:0", "a:1", "a:2");
	}

	/** What the study notes run: {@code gather(task("a"), task("b"))} on the loop. */
	private Mono<Void> bothTasks() {
		Mono<Void> a = this.interleave.task("a", 3, this::log, this.loop);
		Mono<Void> b = this.interleave.task("b", 3, this::log, this.loop);
		return Mono.when(a, b).subscribeOn(this.loop);
	}

	private void log(String step) {
		this.steps.add(step);
		this.threads.add(Thread.currentThread().getName());
	}

}
