package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.system.Replica;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The task lifecycle of the study notes (names, results, exceptions, cancel, done
 * callbacks), in virtual time.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskRegistryTests {

	private VirtualTimeScheduler time;

	private static final String BUDGET = "GET /somewhere";

	private static final Replica REPLICA = new Replica("replica-a");

	private final TaskRegistry registry = new TaskRegistry(new TaskProperties(3, Duration.ofMinutes(10), 1000, 20),
			REPLICA);

	@BeforeEach
	void virtualTime() {
		this.time = VirtualTimeScheduler.getOrSet();
	}

	@AfterEach
	void realTime() {
		this.registry.destroy();
		VirtualTimeScheduler.reset();
	}

	@Test
	void aTaskStartsAtOnceAndNobodyHasToAwaitIt() {
		AtomicBoolean started = new AtomicBoolean();
		DemoTask task = this.registry.start(BUDGET, "slow",
				Mono.delay(Duration.ofSeconds(1)).doOnSubscribe((s) -> started.set(true)).thenReturn(42));
		assertThat(started).as("create_task schedules at once").isTrue();
		assertThat(task.view()).extracting(TaskView::name, TaskView::state, TaskView::done)
			.containsExactly("slow", DemoTask.State.PENDING, false);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(task.view()).extracting(TaskView::state, TaskView::result, TaskView::done)
			.containsExactly(DemoTask.State.DONE, 42, true);
	}

	@Test
	void aTaskNamesTheReplicaWhoseMemoryHoldsIt() {
		DemoTask task = this.registry.start(BUDGET, "slow", Mono.never());
		assertThat(task.view().replica()).isEqualTo("replica-a");
		assertThat(this.registry.all(null)).extracting(TaskView::replica).containsExactly("replica-a");
	}

	@Test
	void anUnknownTaskIsA404SayingWhichReplicaAnsweredAndWhy() {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> this.registry.get(7)).satisfies((problem) -> {
			assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(problem.getBody().getProperties()).containsEntry("parameter", "id");
			assertThat(problem.getBody().getDetail()).startsWith("Parameter 'id': no task 7 on replica replica-a.")
				.contains("as asyncio's live in their event loop", "X-Replica");
		});
	}

	@Test
	void cancelIsTrueWhilePendingThenFalse() {
		AtomicBoolean workCancelled = new AtomicBoolean();
		DemoTask task = this.registry.start(BUDGET, "slow",
				Mono.delay(Duration.ofSeconds(1)).doOnCancel(() -> workCancelled.set(true)));
		this.time.advanceTimeBy(Duration.ofMillis(10));
		assertThat(this.registry.cancel(task.id())).isTrue();
		assertThat(workCancelled).as("the work itself is cancelled").isTrue();
		assertThat(task.view()).extracting(TaskView::state, TaskView::cancelled, TaskView::exception)
			.containsExactly(DemoTask.State.CANCELLED, true, "CancelledError");
		assertThat(this.registry.cancel(task.id())).as("cancel again").isFalse();
		this.time.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(task.state()).isEqualTo(DemoTask.State.CANCELLED);
	}

	@Test
	void cancellingAFinishedTaskIsFalseAndChangesNothing() {
		DemoTask task = this.registry.start(BUDGET, "quick", Mono.just(42));
		assertThat(this.registry.cancel(task.id())).isFalse();
		assertThat(task.view()).extracting(TaskView::state, TaskView::result).containsExactly(DemoTask.State.DONE, 42);
	}

	@Test
	void aFailingTaskKeepsItsException() {
		DemoTask task = this.registry.start(BUDGET, "boom", Mono.error(new IllegalArgumentException("boom")));
		assertThat(task.view()).extracting(TaskView::state, TaskView::exception, TaskView::result)
			.containsExactly(DemoTask.State.FAILED, "java.lang.IllegalArgumentException: boom", null);
	}

	@Test
	void doneCallbacksRunOnceWhenTheTaskFinishesOrAtOnceIfItHas() {
		DemoTask task = this.registry.start(BUDGET, "quick", Mono.delay(Duration.ofMillis(100)).thenReturn(42));
		task.addDoneCallback("first");
		assertThat(task.view().doneCallbacks()).isEmpty();
		this.time.advanceTimeBy(Duration.ofMillis(100));
		task.addDoneCallback("late");
		assertThat(task.view().doneCallbacks()).containsExactly("first(task 'quick'): DONE, result=42",
				"late(task 'quick'): DONE, result=42");
	}

	@Test
	void eachBudgetHasItsOwnPendingLimitSoOneEndpointNeverLocksOutAnother() {
		for (int i = 0; i < 3; i++) {
			this.registry.start("GET /api/collections/wait", "job-" + i, Mono.never());
		}
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> this.registry.start("GET /api/collections/wait", "one too many", Mono.never()))
			.satisfies((problem) -> assertThat(problem.getHeaders().getFirst("Retry-After")).isNotNull());
		assertThat(this.registry.start("POST /api/tasks", "mine", Mono.never()).view().state())
			.isEqualTo(DemoTask.State.PENDING);
		assertThat(this.registry.pending()).isEqualTo(4);
	}

	@Test
	void aTaskTakesAtMostItsBoundOfCallbacks() {
		DemoTask task = this.registry.start(BUDGET, "slow", Mono.never());
		for (int i = 0; i < 20; i++) {
			this.registry.addDoneCallback(task.id(), "cb" + i);
		}
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> this.registry.addDoneCallback(task.id(), "one_more"))
			.satisfies((problem) -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
		this.registry.cancel(task.id());
		assertThat(task.view().doneCallbacks()).hasSize(20).noneMatch((line) -> line.startsWith("one_more"));
	}

	@Test
	void cancellingRunsTheDoneCallbacksToo() {
		DemoTask task = this.registry.start(BUDGET, "slow", Mono.never());
		task.addDoneCallback("cb");
		this.registry.cancel(task.id());
		assertThat(task.view().doneCallbacks()).containsExactly("cb(task 'slow'): CANCELLED, exception=CancelledError");
	}

	@Test
	void awaitingATaskCompletesWhenItFinishesWhicheverWay() {
		DemoTask task = this.registry.start(BUDGET, "slow", Mono.never());
		AtomicBoolean awaited = new AtomicBoolean();
		task.whenFinished().subscribe(null, null, () -> awaited.set(true));
		assertThat(awaited).isFalse();
		this.registry.cancel(task.id());
		assertThat(awaited).isTrue();
	}

	@Test
	void atMostMaxPendingTasksRunAtOnce() {
		for (int i = 0; i < 3; i++) {
			this.registry.start(BUDGET, "t" + i, Mono.delay(Duration.ofSeconds(1)));
		}
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> this.registry.start(BUDGET, "one too many", Mono.never()))
			.satisfies((problem) -> {
				assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
				assertThat(problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			});
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.registry.pending()).isZero();
		this.registry.start(BUDGET, "room again", Mono.never());
		assertThat(this.registry.pending()).isOne();
	}

	@Test
	void aCancelledTaskGivesBackItsPlaceInItsBudget() {
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 3; i++) {
				this.registry.cancel(this.registry.start(BUDGET, "t" + i, Mono.never()).id());
			}
		}
		assertThat(this.registry.pending()).isZero();
		assertThat(this.registry.start(BUDGET, "room again", Mono.never()).state()).isEqualTo(DemoTask.State.PENDING);
	}

	@Test
	void onceTheApplicationStopsNoTaskStarts() {
		this.registry.destroy();
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> this.registry.start(BUDGET, "too late", Mono.never()))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
		assertThat(this.registry.pending()).isZero();
	}

	@Test
	void pendingListsExactlyAllTasks() {
		DemoTask running = this.registry.start(BUDGET, "running", Mono.never());
		this.registry.start(BUDGET, "finished", Mono.just(1));
		assertThat(this.registry.all(DemoTask.State.PENDING)).extracting(TaskView::id).containsExactly(running.id());
		assertThat(this.registry.all(null)).hasSize(2);
	}

	@Test
	void finishedTasksBeyondTheLimitAreForgottenOldestFirst() {
		TaskRegistry small = new TaskRegistry(new TaskProperties(10, Duration.ofMinutes(10), 2, 20), REPLICA);
		DemoTask first = small.start(BUDGET, "first", Mono.just(1));
		small.start(BUDGET, "second", Mono.just(2));
		DemoTask running = small.start(BUDGET, "running", Mono.never());
		small.start(BUDGET, "third", Mono.just(3));
		assertThat(small.all(null)).extracting(TaskView::name).doesNotContain("first").contains("running");
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> small.get(first.id()));
		small.destroy();
		assertThat(running.state()).isEqualTo(DemoTask.State.CANCELLED);
	}

	@Test
	void noTaskOutlivesTheApplication() {
		DemoTask task = this.registry.start(BUDGET, "forever", Mono.never());
		this.registry.destroy();
		assertThat(task.state()).isEqualTo(DemoTask.State.CANCELLED);
		assertThat(this.registry.pending()).isZero();
	}

	@Test
	void finishedTasksAreForgottenOnceTheyAreOlderThanTheKeepingTime() throws InterruptedException {
		TaskRegistry brief = new TaskRegistry(new TaskProperties(10, Duration.ofMillis(1), 1000, 20), REPLICA);
		DemoTask listed = brief.start(BUDGET, "listed", Mono.just(1));
		DemoTask next = brief.start(BUDGET, "running", Mono.never());
		Thread.sleep(5);
		assertThat(brief.all(null)).extracting(TaskView::name).containsExactly("running");
		DemoTask started = brief.start(BUDGET, "finished", Mono.just(2));
		Thread.sleep(5);
		brief.start(BUDGET, "another", Mono.never());
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> brief.get(started.id()));
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> brief.get(listed.id()));
		assertThat(brief.get(next.id()).state()).as("pending tasks are never forgotten")
			.isEqualTo(DemoTask.State.PENDING);
		brief.destroy();
	}

	@Test
	void shutdownSaysHowManyPendingTasksItCancelled(CapturedOutput output) {
		this.registry.start(BUDGET, "done", Mono.just(1));
		this.registry.destroy();
		assertThat(output).doesNotContain("pending task(s) on shutdown");
		TaskRegistry busy = new TaskRegistry(new TaskProperties(3, Duration.ofMinutes(10), 1000, 20), REPLICA);
		busy.start(BUDGET, "forever", Mono.never());
		busy.start(BUDGET, "forever too", Mono.never());
		busy.destroy();
		assertThat(output).contains("Cancelled 2 pending task(s) on shutdown");
	}

}
