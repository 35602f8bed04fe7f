package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.collections.AsCompletedService.Completion;
import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskProperties;
import dev.asynciolearn.tasks.TaskRegistry;
import dev.asynciolearn.tasks.TaskView;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gather, wait, wait_for and as_completed against the study notes' reference run, in
 * virtual time: jobs of 300, 100 and 200 ms.
 */
class CollectionsServiceTests {

	private final TaskRegistry registry = new TaskRegistry(new TaskProperties(100, Duration.ofMinutes(10), 1000));

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
		StepVerifier.withVirtualTime(() -> this.gather.gather(3, 300, null, false))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(300))
			.assertNext((report) -> assertThat(result(report)).containsEntry("results", List.of(0, 1, 2))
				.containsEntry("completionOrder", List.of(1, 2, 0))
				.containsEntry("longestJobMs", 300L)
				.containsEntry("sumOfJobsMs", 600L)
				.satisfies((r) -> assertThat(events(report)).containsExactly("job-0:start", "job-1:start",
						"job-2:start", "job-1:done", "job-2:done", "job-0:done")))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void onFailureMonoZipCancelsTheOthersWhileGatherLetsThemFinish() {
		StepVerifier.withVirtualTime(() -> this.gather.gather(3, 300, 1, false))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(300))
			.assertNext((report) -> {
				Map<String, Object> zip = map(result(report).get("monoZip"));
				assertThat(zip).containsEntry("raised", "JobFailure('job 1 failed')")
					.containsEntry("others", List.of("cancelled", "JobFailure('job 1 failed')", "cancelled"));
				Map<String, Object> gather = map(result(report).get("asyncioGather"));
				assertThat(gather).containsEntry("raised", "JobFailure('job 1 failed')")
					.containsEntry("othersCancelledOnError", List.of(false, false, false))
					.containsEntry("othersFinishAnyway", List.of(0, "JobFailure('job 1 failed')", 2));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void returnExceptionsPutsTheExceptionInItsPlace() {
		StepVerifier.withVirtualTime(() -> this.gather.gather(2, 50, 1, true))
			.thenAwait(Duration.ofMillis(50))
			.assertNext((report) -> assertThat(result(report)).containsEntry("results",
					List.of(0, "JobFailure('job 1 failed')")))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void waitAllCompletedReturnsEverythingDoneAfterTheLongest() {
		StepVerifier.withVirtualTime(() -> this.wait.wait(ReturnWhen.ALL_COMPLETED, 3, 300, null, null))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(300))
			.assertNext((report) -> {
				assertDonePending(report, 3, 0);
				assertThat(events(report)).containsOnlyOnce("wait:returned")
					.containsSubsequence("task/job-1:done", "task/job-2:done", "task/job-0:done", "wait:returned");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void waitFirstCompletedReturnsAfterTheFirstAndTheOthersRunOn() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		StepVerifier.create(this.wait.wait(ReturnWhen.FIRST_COMPLETED, 3, 300, null, null))
			.expectSubscription()
			.then(() -> time.advanceTimeBy(Duration.ofMillis(99)))
			.expectNoEvent(Duration.ZERO)
			.then(() -> time.advanceTimeBy(Duration.ofMillis(1)))
			.assertNext((report) -> {
				assertDonePending(report, 1, 2);
				assertThat(map(result(report).get("plainMonosWithReactorOperators")))
					.containsEntry("mono/job-0", "cancelled")
					.containsEntry("mono/job-1", "done")
					.containsEntry("mono/job-2", "cancelled");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		time.advanceTimeBy(Duration.ofMillis(200));
		assertThat(this.registry.all(null)).extracting(TaskView::state).containsOnly(DemoTask.State.DONE);
	}

	@Test
	void waitFirstExceptionReturnsAtTheFailure() {
		StepVerifier.withVirtualTime(() -> this.wait.wait(ReturnWhen.FIRST_EXCEPTION, 3, 300, 1, null))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.assertNext((report) -> {
				assertDonePending(report, 1, 2);
				assertThat(views(report, "done")).extracting(TaskView::state).containsExactly(DemoTask.State.FAILED);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void waitWithATimeoutReturnsWithoutRaisingAndLeavesThePendingRunning() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		StepVerifier.create(this.wait.wait(ReturnWhen.ALL_COMPLETED, 3, 600, null, Duration.ofMillis(300)))
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
		StepVerifier.withVirtualTime(() -> this.waitFor.waitFor(Duration.ofSeconds(1), Duration.ofMillis(100)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.assertNext((report) -> {
				assertThat(result(report)).containsEntry("outcome", "TimeoutError")
					.containsEntry("innerCancelled", true);
				assertThat(events(report)).containsExactly("inner:start", "inner:cancelled", "wait_for:TimeoutError");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void waitForReturnsTheResultInTime() {
		StepVerifier.withVirtualTime(() -> this.waitFor.waitFor(Duration.ofMillis(10), Duration.ofSeconds(1)))
			.thenAwait(Duration.ofMillis(10))
			.assertNext((report) -> {
				assertThat(result(report)).containsEntry("outcome", "done").containsEntry("innerCancelled", false);
				assertThat(events(report)).containsExactly("inner:start", "inner:done");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void asCompletedYieldsEachResultWhenItIsReady() {
		StepVerifier.withVirtualTime(() -> this.asCompleted.asCompleted(3, 300, Duration.ofSeconds(10)))
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
		StepVerifier.withVirtualTime(() -> this.asCompleted.asCompleted(2, 1000, Duration.ofMillis(700)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.assertNext((completion) -> assertThat(completion.job()).isEqualTo(1))
			.expectNoEvent(Duration.ofMillis(200))
			.assertNext((completion) -> assertThat(completion).extracting(Completion::type, Completion::cancelled)
				.containsExactly("TimeoutError", List.of(0)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private static void assertDonePending(Report report, int done, int pending) {
		assertThat(views(report, "done")).hasSize(done);
		assertThat(views(report, "pending")).hasSize(pending);
	}

	@SuppressWarnings("unchecked")
	private static List<TaskView> views(Report report, String key) {
		return (List<TaskView>) result(report).get(key);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> result(Report report) {
		return (Map<String, Object>) report.result();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static List<String> events(Report report) {
		return report.timeline().stream().map((event) -> event.task() + ":" + event.event()).toList();
	}

}
