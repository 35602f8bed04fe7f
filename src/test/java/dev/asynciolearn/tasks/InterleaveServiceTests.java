package dev.asynciolearn.tasks;

import java.time.Duration;

import dev.asynciolearn.tasks.InterleaveService.InterleaveResult;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static dev.asynciolearn.timeline.TestReports.reportAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code example_tasks.py}: two tasks, three steps each.
 */
class InterleaveServiceTests {

	private final InterleaveService service = new InterleaveService();

	@Test
	void twoTasksTakeTurnsWhenEachSuspendsBetweenSteps() {
		assertThat(reportAt(Duration.ofMillis(30), () -> interleave(3, true)).result().order()).containsExactly("a:0",
				"b:0", "a:1", "b:1", "a:2", "b:2");
	}

	@Test
	void withoutSuspendingTheFirstTaskRunsToTheEndBeforeTheOther() {
		assertThat(reportAt(Duration.ZERO, () -> interleave(3, false)).result().order()).containsExactly("a:0", "a:1",
				"a:2", "b:0", "b:1", "b:2");
	}

	@Test
	void oneThreadRunsBothTasks() {
		Report<InterleaveResult> report = interleave(5, true).block(Duration.ofSeconds(5));
		assertThat(report).isNotNull();
		assertThat(report.timeline()).hasSize(10).extracting(TimelineEvent::thread).containsOnly("single-1");
	}

	private Mono<Report<InterleaveResult>> interleave(int steps, boolean suspend) {
		return this.service.interleave(new InterleaveRequest(steps, suspend));
	}

}
