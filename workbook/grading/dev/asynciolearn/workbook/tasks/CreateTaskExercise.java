package dev.asynciolearn.workbook.tasks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Grades {@link CreateTask}, in virtual time: the work is a 100 ms job that records when
 * it is subscribed, ends and is cancelled; nobody else ever subscribes to it.
 */
@Hint("A Mono is a coroutine object: it runs only once something subscribes to it. What call starts it now, and "
		+ "what does that call give back?")
class CreateTaskExercise {

	private final CreateTask createTask = new CreateTask();

	private final AtomicInteger started = new AtomicInteger();

	private final AtomicInteger finished = new AtomicInteger();

	private final AtomicInteger cancelled = new AtomicInteger();

	private VirtualTimeScheduler time;

	@BeforeEach
	void virtualTime() {
		this.time = VirtualTimeScheduler.getOrSet();
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	@Test
	@Hint("Returning after work.cache(), Mono.defer(...) or an operator chain starts nothing: nobody subscribed.")
	void theWorkStartsWithoutAnyoneAwaitingIt() {
		createTask();
		this.time.advanceTime();
		assertThat(this.started).as("subscriptions to the work").hasValue(1);
		assertThat(this.finished).as("ended (it takes 100 ms)").hasValue(0);
	}

	@Test
	@Hint("Subscribing twice (say once to start it and once more for the handle) runs the work twice.")
	void theWorkRunsToItsEndOnItsOwnOnce() {
		createTask();
		this.time.advanceTimeBy(Duration.ofMillis(99));
		assertThat(this.finished).as("ended before its 100 ms").hasValue(0);
		this.time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.finished).as("ended at 100 ms").hasValue(1);
		assertThat(this.started).as("runs of the work").hasValue(1);
		assertThat(this.cancelled).hasValue(0);
	}

	@Test
	@Hint("A handle made apart from the subscription (Disposables.single(), a lambda that does nothing) cancels "
			+ "nothing: hand back what subscribing gave you.")
	void disposingTheHandleCancelsTheWork() {
		Disposable task = createTask();
		this.time.advanceTimeBy(Duration.ofMillis(50));
		task.dispose();
		assertThat(this.cancelled).as("cancel signals seen by the work").hasValue(1);
		this.time.advanceTimeBy(Duration.ofMillis(100));
		assertThat(this.finished).as("ended after being cancelled").hasValue(0);
	}

	/**
	 * Creates the task; fails fast if {@code createTask} blocks (waiting for the work
	 * would never end: time stands still until the test moves it).
	 */
	private Disposable createTask() {
		Mono<Long> work = Mono.delay(Duration.ofMillis(100))
			.doOnSubscribe((subscription) -> this.started.incrementAndGet())
			.doOnSuccess((tick) -> this.finished.incrementAndGet())
			.doOnCancel(this.cancelled::incrementAndGet);
		return assertTimeoutPreemptively(Duration.ofSeconds(1), () -> this.createTask.createTask(work),
				"createTask blocked: create_task returns at once, it does not wait for the work");
	}

}
