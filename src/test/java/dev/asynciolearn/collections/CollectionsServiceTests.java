package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.collections.AsCompletedService.Completion;
import dev.asynciolearn.collections.GatherResult.FailureCompared;
import dev.asynciolearn.collections.GatherResult.Gathered;
import dev.asynciolearn.collections.WaitResult.MonoEnding;
import dev.asynciolearn.system.Replica;
import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskProperties;
import dev.asynciolearn.tasks.TaskRegistry;
import dev.asynciolearn.tasks.TaskView;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static dev.asynciolearn.timeline.Event.CANCELLED;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.ERROR;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.TIMEOUT;
import static dev.asynciolearn.timeline.TestReports.reportAt;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * gather, wait, wait_for and as_completed against the study notes' reference run, in
 * virtual time: jobs of 300, 100 and 200 ms.
 */
class CollectionsServiceTests {

	private static final String JOB_1_FAILED = "JobFailure('job 1 failed')";

	private final TaskRegistry registry = new TaskRegistry(new TaskProperties(100, Duration.ofMinutes(10), 1000, 20),
			new Replica("local"));

	private final GatherService gather = new GatherService();

	private final WaitService wait = new WaitService(this.registry);

	private final WaitForService waitFor = new WaitForService();

	private final AsCompletedService asCompleted = new AsCompletedService();

	@AfterEach
	void cancelLeftovers() {
		this.registry.destroy();
		VirtualTimeScheduler.reset();
	}

	@Test
	void gatherReturnsSubmissionOrderAfterTheLongestJobNotTheSum() {
		Report<GatherResult> report = reportAt(Duration.ofMillis(300),
				() -> this.gather.gather(new GatherRequest(3, 300, null, false)));
		assertThat(report.result()).isEqualTo(new Gathered(List.of(0, 1, 2), List.of(1, 2, 0), 300, 600));
		assertThat(steps(report)).containsExactly(step("job-0", START), step("job-1", START), step("job-2", START),
				step("job-1", DONE), step("job-2", DONE), step("job-0", DONE));
	}

	@Test
	void onFailureMonoZipCancelsTheOthersWhileGatherLetsThemFinish() {
		Report<GatherResult> report = reportAt(Duration.ofMillis(300),
				() -> this.gather.gather(new GatherRequest(3, 300, 1, false)));
		FailureCompared result = (FailureCompared) report.result();
		assertThat(result.monoZip().raised()).isEqualTo(JOB_1_FAILED);
		assertThat(result.monoZip().others()).containsExactly("cancelled", JOB_1_FAILED, "cancelled");
		assertThat(result.asyncioGather().raised()).isEqualTo(JOB_1_FAILED);
		assertThat(result.asyncioGather().othersCancelledOnError()).containsExactly(false, false, false);
		assertThat(result.asyncioGather().othersFinishAnyway()).containsExactly(0, JOB_1_FAILED, 2);
		assertThat(steps(report)).contains(step("zip/job-1", ERROR, JOB_1_FAILED), step("zip/job-0", CANCELLED),
				step("gather/job-0", DONE));
	}

	@Test
	void returnExceptionsPutsTheExceptionInItsPlace() {
		Report<GatherResult> report = reportAt(Duration.ofMillis(50),
				() -> this.gather.gather(new GatherRequest(2, 50, 1, true)));
		assertThat(((Gathered) report.result()).results()).containsExactly(0, JOB_1_FAILED);
	}

	@Test
	void waitAllCompletedReturnsEverythingDoneAfterTheLongest() {
		Report<WaitResult> report = reportAt(Duration.ofMillis(300),
				() -> this.wait.wait(new WaitRequest(ReturnWhen.ALL_COMPLETED, 3, 300, null, null)));
		assertDonePending(report, 3, 0);
		assertThat(steps(report)).containsOnlyOnce(step("wait", DONE))
			.containsSubsequence(step("task/job-1", DONE), step("task/job-2", DONE), step("task/job-0", DONE),
					step("wait", DONE));
	}

	@Test
	void waitFirstCompletedReturnsAfterTheFirstAndTheOthersRunOn() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		StepVerifier.create(this.wait.wait(new WaitRequest(ReturnWhen.FIRST_COMPLETED, 3, 300, null, null)))
			.expectSubscription()
			.then(() -> time.advanceTimeBy(Duration.ofMillis(99)))
			.expectNoEvent(Duration.ZERO)
			.then(() -> time.advanceTimeBy(Duration.ofMillis(1)))
			.assertNext((report) -> {
				assertDonePending(report, 1, 2);
				assertThat(report.result().plainMonosWithReactorOperators()).containsExactly(
						new MonoEnding("mono/job-0", "cancelled"), new MonoEnding("mono/job-1", 1),
						new MonoEnding("mono/job-2", "cancelled"));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		time.advanceTimeBy(Duration.ofMillis(200));
		assertThat(this.registry.all(null)).extracting(TaskView::state).containsOnly(DemoTask.State.DONE);
	}

	@Test
	void waitFirstExceptionReturnsAtTheFailureAndTheFailedMonoEndsFailedNotCancelled() {
		Report<WaitResult> report = reportAt(Duration.ofMillis(100),
				() -> this.wait.wait(new WaitRequest(ReturnWhen.FIRST_EXCEPTION, 3, 300, 1, null)));
		assertDonePending(report, 1, 2);
		assertThat(report.result().done()).extracting(TaskView::state).containsExactly(DemoTask.State.FAILED);
		assertThat(report.result().plainMonosWithReactorOperators()).containsExactly(
				new MonoEnding("mono/job-0", "cancelled"), new MonoEnding("mono/job-1", JOB_1_FAILED),
				new MonoEnding("mono/job-2", "cancelled"));
	}

	@Test
	void waitFirstExceptionWithoutAnyFailureWaitsForAll() {
		Report<WaitResult> report = reportAt(Duration.ofMillis(300),
				() -> this.wait.wait(new WaitRequest(ReturnWhen.FIRST_EXCEPTION, 3, 300, null, null)));
		assertDonePending(report, 3, 0);
	}

	@Test
	void waitWithATimeoutReturnsWithoutRaisingAndLeavesThePendingRunning() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		StepVerifier.create(this.wait.wait(new WaitRequest(ReturnWhen.ALL_COMPLETED, 3, 600, null, 300L)))
			.expectSubscription()
			.then(() -> time.advanceTimeBy(Duration.ofMillis(299)))
			.expectNoEvent(Duration.ZERO)
			.then(() -> time.advanceTimeBy(Duration.ofMillis(1)))
			.assertNext((report) -> assertDonePending(report, 1, 2))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		time.advanceTimeBy(Duration.ofMillis(300));
		assertThat(this.registry.all(DemoTask.State.PENDING)).isEmpty();
		assertThat(this.registry.all(null)).extracting(TaskView::cancelled).containsOnly(false);
	}

	@Test
	void waitForRaisesTimeoutErrorAtTheLimitAndCancelsTheInnerWork() {
		Report<WaitForResult> report = reportAt(Duration.ofMillis(100),
				() -> this.waitFor.waitFor(new WaitForRequest(1000, 100)));
		assertThat(report.result()).isEqualTo(new WaitForResult("TimeoutError", true));
		assertThat(steps(report)).containsExactly(step("inner", START), step("inner", CANCELLED),
				step("wait_for", TIMEOUT));
	}

	@Test
	void waitForReturnsTheResultInTime() {
		Report<WaitForResult> report = reportAt(Duration.ofMillis(10),
				() -> this.waitFor.waitFor(new WaitForRequest(10, 1000)));
		assertThat(report.result()).isEqualTo(new WaitForResult("done", false));
		assertThat(steps(report)).containsExactly(step("inner", START), step("inner", DONE));
	}

	@Test
	void asCompletedYieldsEachResultWhenItIsReady() {
		StepVerifier.withVirtualTime(() -> this.asCompleted.asCompleted(new AsCompletedRequest(3, 300, 10_000)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.assertNext((completion) -> assertThat(completion.job()).isEqualTo(1))
			.expectNoEvent(Duration.ofMillis(100))
			.assertNext((completion) -> assertThat(completion.job()).isEqualTo(2))
			.expectNoEvent(Duration.ofMillis(100))
			.assertNext((completion) -> assertThat(completion).extracting(Completion::job, Completion::position)
				.containsExactly(0, 2))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void asCompletedEndsWithTimeoutErrorAtTheOverallDeadline() {
		StepVerifier.withVirtualTime(() -> this.asCompleted.asCompleted(new AsCompletedRequest(2, 1000, 700)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.assertNext((completion) -> assertThat(completion.job()).isEqualTo(1))
			.expectNoEvent(Duration.ofMillis(200))
			.assertNext((completion) -> assertThat(completion).extracting(Completion::type, Completion::cancelled)
				.containsExactly("TimeoutError", List.of(0)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private static void assertDonePending(Report<WaitResult> report, int done, int pending) {
		assertThat(report.result().done()).hasSize(done);
		assertThat(report.result().pending()).hasSize(pending);
	}

}
