package dev.asynciolearn.tasks;

import java.util.List;

import dev.asynciolearn.tasks.InterleaveService.InterleaveResult;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.asynciolearn.timeline.TestReports.eventOf;
import static dev.asynciolearn.timeline.TestReports.reportInRealTime;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tasks on two virtual threads, in real time: each on its own thread, each in its own
 * order, both at once.
 */
class InterleaveOnVirtualThreadsTests {

	private final InterleaveOnVirtualThreads service = new InterleaveOnVirtualThreads();

	@ParameterizedTest(name = "suspend={0}")
	@ValueSource(booleans = { true, false })
	void eachTaskRunsOnItsOwnVirtualThreadInItsOwnOrder(boolean suspend) {
		Report<InterleaveResult> report = reportInRealTime(this.service.interleave(new InterleaveRequest(5, suspend)));
		List<String> order = report.result().order();
		assertThat(order).hasSize(10);
		assertThat(order).filteredOn((step) -> step.startsWith("a")).containsExactly("a:0", "a:1", "a:2", "a:3", "a:4");
		assertThat(order).filteredOn((step) -> step.startsWith("b")).containsExactly("b:0", "b:1", "b:2", "b:3", "b:4");
		assertThat(eventOf(report, "a", Event.STEP).thread()).isEqualTo("a");
		assertThat(eventOf(report, "b", Event.STEP).thread()).isEqualTo("b");
		assertThat(eventOf(report, "a", Event.STEP).carrier()).isNotBlank();
	}

	@Test
	void withTheSleepTheTasksRunAtOnceNotOneAfterTheOther() {
		// Five steps of 10 ms each: about 50 ms at once, about 100 ms one after the
		// other.
		Report<InterleaveResult> report = reportInRealTime(this.service.interleave(new InterleaveRequest(5, true)));
		double lastOfA = report.timeline()
			.stream()
			.filter((e) -> e.task().equals("a"))
			.mapToDouble((e) -> e.atMs())
			.max()
			.orElseThrow();
		double firstOfB = report.timeline()
			.stream()
			.filter((e) -> e.task().equals("b"))
			.mapToDouble((e) -> e.atMs())
			.min()
			.orElseThrow();
		assertThat(firstOfB).as("b starts before a ends").isLessThan(lastOfA);
	}

}
