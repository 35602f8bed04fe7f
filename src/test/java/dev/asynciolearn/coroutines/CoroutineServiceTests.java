package dev.asynciolearn.coroutines;

import java.time.Duration;

import dev.asynciolearn.coroutines.CoroutineService.AwaitResult;
import dev.asynciolearn.coroutines.CoroutineService.LazyResult;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.Event.BUILT;
import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.RESUME;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.SUSPEND;
import static dev.asynciolearn.timeline.TestReports.reportAt;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

class CoroutineServiceTests {

	private final CoroutineService service = new CoroutineService();

	@Test
	void theFirstCoroutineResumesOnlyAfterTheSecondHasFinished() {
		Report<AwaitResult> report = reportAt(Duration.ofMillis(50), this.service::awaitOrder);
		assertThat(report.result().returned()).isEqualTo(2);
		assertThat(report.result().order()).containsExactly("first:start", "second:start", "second:end",
				"first:resume");
		assertThat(steps(report)).containsExactly(step("first", START), step("first", SUSPEND), step("second", START),
				step("second", SUSPEND), step("second", DONE), step("first", RESUME));
	}

	@Test
	void aMonoThatIsNeverSubscribedNeverRunsButATaskRunsAtOnce() {
		Report<LazyResult> report = reportAt(Duration.ofMillis(10), this.service::lazy);
		LazyResult result = report.result();
		assertThat(result.neverAwaited()).isEqualTo(new LazyResult.Ran(false));
		assertThat(result.awaited()).isEqualTo(new LazyResult.Ran(true));
		assertThat(result.task()).isEqualTo(new LazyResult.TaskRan(true, true));
		assertThat(report.timeline()).filteredOn((event) -> event.task().equals("never-awaited"))
			.extracting(TimelineEvent::event)
			.containsExactly(BUILT);
		assertThat(steps(report)).containsExactly(step("never-awaited", BUILT, "never subscribed"),
				step("task", CALL, "create_task(): subscribed now"), step("task", START), step("awaited", START));
	}

}
