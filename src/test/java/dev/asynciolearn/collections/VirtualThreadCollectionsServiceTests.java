package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import dev.asynciolearn.collections.AsCompletedService.Completion;
import dev.asynciolearn.collections.GatherResult.GatherRaised;
import dev.asynciolearn.collections.GatherResult.Gathered;
import dev.asynciolearn.collections.WaitOnVirtualThreads.ThreadWaitResult;
import dev.asynciolearn.system.Replica;
import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskProperties;
import dev.asynciolearn.tasks.TaskRegistry;
import dev.asynciolearn.tasks.TaskView;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static dev.asynciolearn.timeline.Event.CANCELLED;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.TIMEOUT;
import static dev.asynciolearn.timeline.TestReports.eventOf;
import static dev.asynciolearn.timeline.TestReports.reportInRealTime;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The virtual-thread twins of chapter 3, in real time: they block real (virtual) threads.
 */
class VirtualThreadCollectionsServiceTests {

	private final GatherOnVirtualThreads gather = new GatherOnVirtualThreads();

	private final WaitForOnVirtualThreads waitFor = new WaitForOnVirtualThreads();

	private final AsCompletedOnVirtualThreads asCompleted = new AsCompletedOnVirtualThreads();

	private final TaskRegistry registry = new TaskRegistry(new TaskProperties(100, Duration.ofMinutes(10), 1000, 20),
			new Replica("local"));

	private final WaitOnVirtualThreads wait = new WaitOnVirtualThreads(this.registry);

	@AfterEach
	void stopTheTasks() {
		this.registry.destroy();
	}

	@Test
	void gatherRunsTheJobsAtOnceEachOnItsOwnVirtualThreadResultsInSubmissionOrder() {
		Report<ThreadGatherResult> report = reportInRealTime(
				this.gather.gather(new GatherRequest(3, 300, null, false)));
		Gathered gathered = (Gathered) report.result();
		assertThat(gathered.results()).containsExactly(0, 1, 2);
		assertThat(gathered.completionOrder()).containsExactly(1, 2, 0);
		// The longest job, not the sum (600 ms).
		assertThat(report.elapsedMs()).isBetween(300.0, 550.0);
		for (int i = 0; i < 3; i++) {
			TimelineEvent done = eventOf(report, "job-" + i, DONE);
			assertThat(done.thread()).isEqualTo("job-" + i);
			assertThat(done.carrier()).as("a virtual thread names its carrier").startsWith("ForkJoinPool-");
		}
	}

	@Test
	void gatherRaisesTheFirstExceptionAsItHappensAndTheOthersFinishAnyway() {
		Report<ThreadGatherResult> report = reportInRealTime(this.gather.gather(new GatherRequest(3, 300, 1, false)));
		GatherRaised raised = (GatherRaised) report.result();
		assertThat(raised.raised()).isEqualTo("JobFailure('job 1 failed')");
		// Job 1 fails at 100 ms; waiting for job 0 (300 ms) first would raise it late.
		assertThat(raised.raisedAtMs()).isBetween(100.0, 250.0);
		assertThat(raised.othersCancelledOnError()).containsOnly(false);
		assertThat(raised.othersFinishAnyway()).containsExactly(0, "JobFailure('job 1 failed')", 2);
		assertThat(report.elapsedMs()).isGreaterThanOrEqualTo(300.0);
	}

	@Test
	void gatherWithReturnExceptionsPutsTheExceptionInItsJobsPlace() {
		Report<ThreadGatherResult> report = reportInRealTime(this.gather.gather(new GatherRequest(3, 300, 1, true)));
		assertThat(((Gathered) report.result()).results()).containsExactly(0, "JobFailure('job 1 failed')", 2);
	}

	@ParameterizedTest(name = "failAt={0}")
	@NullSource
	@ValueSource(ints = 2)
	void anInterruptedGatherInterruptsItsJobs(Integer failAt) throws InterruptedException {
		Timeline timeline = Timeline.start(GatherOnVirtualThreads.GATHER);
		AtomicReference<Throwable> raised = new AtomicReference<>();
		Thread caller = Thread.ofVirtual().start(() -> {
			try {
				this.gather.gather(new GatherRequest(3, 5000, failAt, false), timeline);
			}
			catch (Throwable ex) {
				raised.set(ex);
			}
		});
		Thread.sleep(200);
		caller.interrupt();
		assertThat(caller.join(Duration.ofSeconds(2))).as("the caller stops at once").isTrue();
		assertThat(raised.get()).isInstanceOf(InterruptedException.class);
		assertThat(timeline.events()).extracting(TimelineEvent::step)
			.contains(step("job-0", CANCELLED), step("job-1", CANCELLED), step("job-2", CANCELLED));
	}

	@Test
	void asCompletedYieldsEachResultAsItsJobCompletes() {
		StepVerifier.create(this.asCompleted.asCompleted(new AsCompletedRequest(3, 300, 10_000)))
			.assertNext((first) -> assertThat(first).extracting(Completion::position, Completion::job)
				.containsExactly(0, 1))
			.assertNext((second) -> assertThat(second.job()).isEqualTo(2))
			.assertNext((third) -> {
				assertThat(third.job()).isZero();
				assertThat(third.atMs()).isBetween(300.0, 600.0);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void asCompletedEndsWithTimeoutErrorAtTheDeadlineAndLeavesTheOthersRunning() {
		StepVerifier.create(this.asCompleted.asCompleted(new AsCompletedRequest(3, 1000, 500)))
			.assertNext((first) -> assertThat(first.job()).isOne())
			.assertNext((timeout) -> {
				assertThat(timeout.type()).isEqualTo("TimeoutError");
				assertThat(timeout.atMs()).isBetween(500.0, 900.0);
				assertThat(timeout.leftRunning()).containsExactly(0, 2);
				assertThat(timeout.cancelled()).isNull();
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theJobsLeftRunningAreBoundedAcrossRequestsBeyondWhichTheyAreCancelled() {
		Semaphore budget = AsCompletedOnVirtualThreads.leftRunningBudget();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> budget.availablePermits() == AsCompletedOnVirtualThreads.MAX_LEFT_RUNNING);
		int taken = budget.drainPermits();
		try {
			StepVerifier.create(this.asCompleted.asCompleted(new AsCompletedRequest(3, 1000, 500)))
				.assertNext((first) -> assertThat(first.job()).isOne())
				.assertNext((timeout) -> {
					assertThat(timeout.cancelled()).containsExactly(0, 2);
					assertThat(timeout.leftRunning()).isNull();
				})
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		}
		finally {
			budget.release(taken);
		}
		// Left running within the budget, the jobs give their places back when they end.
		StepVerifier.create(this.asCompleted.asCompleted(new AsCompletedRequest(3, 600, 300)))
			.expectNextCount(2)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> budget.availablePermits() == AsCompletedOnVirtualThreads.MAX_LEFT_RUNNING);
	}

	@Test
	void waitFirstCompletedReturnsAfterTheFirstAndTheOthersRunOnToTheirEnd() {
		Report<ThreadWaitResult> report = reportInRealTime(
				this.wait.wait(new WaitRequest(ReturnWhen.FIRST_COMPLETED, 3, 300, null, null)));
		// Job 1 ends first, at 100 ms.
		assertThat(report.elapsedMs()).isBetween(100.0, 250.0);
		assertThat(report.result().done()).extracting(TaskView::name).singleElement().asString().endsWith("/job-1");
		assertThat(report.result().pending()).hasSize(2)
			.extracting(TaskView::state)
			.containsOnly(DemoTask.State.PENDING);
		assertThat(eventOf(report, "job-1", DONE).thread()).endsWith("/job-1");
		assertThat(eventOf(report, "job-1", DONE).carrier()).as("on a virtual thread").startsWith("ForkJoinPool-");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.all(DemoTask.State.PENDING).isEmpty());
		assertThat(this.registry.all(null)).extracting(TaskView::state).containsOnly(DemoTask.State.DONE);
	}

	@Test
	void waitAllCompletedReturnsOnceTheLongestHasEnded() {
		Report<ThreadWaitResult> report = reportInRealTime(
				this.wait.wait(new WaitRequest(ReturnWhen.ALL_COMPLETED, 3, 300, null, null)));
		assertThat(report.result().done()).hasSize(3);
		assertThat(report.result().pending()).isEmpty();
		assertThat(report.elapsedMs()).as("the longest, not the sum").isBetween(300.0, 550.0);
		assertThat(steps(report)).containsSubsequence(step("job-1", DONE), step("job-2", DONE), step("job-0", DONE),
				step("wait", DONE));
	}

	@Test
	void waitFirstExceptionReturnsAtTheFailure() {
		Report<ThreadWaitResult> report = reportInRealTime(
				this.wait.wait(new WaitRequest(ReturnWhen.FIRST_EXCEPTION, 3, 300, 1, null)));
		assertThat(report.elapsedMs()).isBetween(100.0, 250.0);
		assertThat(report.result().done()).extracting(TaskView::state, TaskView::exception)
			.containsExactly(tuple(DemoTask.State.FAILED, "JobFailure('job 1 failed')"));
		assertThat(report.result().pending()).hasSize(2);
	}

	@Test
	void waitWithATimeoutReturnsThenWithoutRaisingAndCancelsNobody() {
		Report<ThreadWaitResult> report = reportInRealTime(
				this.wait.wait(new WaitRequest(ReturnWhen.ALL_COMPLETED, 3, 600, null, 300L)));
		// Job 1 ends at 200 ms; jobs 2 and 0 at 400 and 600.
		assertThat(report.elapsedMs()).isBetween(300.0, 450.0);
		assertThat(report.result().done()).hasSize(1);
		assertThat(report.result().pending()).hasSize(2);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.all(DemoTask.State.PENDING).isEmpty());
		assertThat(this.registry.all(null)).extracting(TaskView::cancelled).containsOnly(false);
	}

	@Test
	void aClientThatHangsUpStopsTheWaitNotTheTasks() {
		Disposable request = this.wait.wait(new WaitRequest(ReturnWhen.ALL_COMPLETED, 3, 600, null, null)).subscribe();
		await().atMost(Duration.ofSeconds(2)).until(() -> this.registry.all(DemoTask.State.PENDING).size() == 3);
		request.dispose();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.all(DemoTask.State.PENDING).isEmpty());
		assertThat(this.registry.all(null)).extracting(TaskView::state).containsOnly(DemoTask.State.DONE);
	}

	@Test
	void waitForReturnsTheResultWhenTheWorkIsInTime() {
		Report<WaitForResult> report = reportInRealTime(this.waitFor.waitFor(new WaitForRequest(10, 1000)));
		assertThat(report.result()).isEqualTo(new WaitForResult("done", false));
		assertThat(steps(report)).containsSubsequence(step("inner", START), step("inner", DONE));
	}

	@Test
	void waitForInterruptsTheWorkAtTheLimitAndWaitsForItToStop() {
		Report<WaitForResult> report = reportInRealTime(this.waitFor.waitFor(new WaitForRequest(5000, 100)));
		assertThat(report.result()).isEqualTo(new WaitForResult("TimeoutError", true));
		assertThat(report.elapsedMs()).isBetween(100.0, 1000.0);
		assertThat(steps(report)).containsSubsequence(step("inner", START), step("wait_for", TIMEOUT),
				step("inner", CANCELLED));
		assertThat(eventOf(report, "inner", CANCELLED).thread()).isEqualTo("inner");
	}

	@Test
	void anInterruptedWaitForInterruptsTheWork() throws InterruptedException {
		Timeline timeline = Timeline.start(WaitForOnVirtualThreads.WAIT_FOR);
		Thread caller = Thread.ofVirtual().start(() -> {
			try {
				this.waitFor.waitFor(new WaitForRequest(5000, 4000), timeline);
			}
			catch (Exception ex) {
				// Interrupted, as expected.
			}
		});
		Thread.sleep(200);
		caller.interrupt();
		assertThat(caller.join(Duration.ofSeconds(2))).isTrue();
		assertThat(timeline.events()).extracting(TimelineEvent::step).contains(step("inner", CANCELLED));
	}

}
