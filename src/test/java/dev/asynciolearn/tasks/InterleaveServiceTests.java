package dev.asynciolearn.tasks;

import java.time.Duration;

import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class InterleaveServiceTests {

	private final InterleaveService service = new InterleaveService();

	@Test
	void twoTasksTakeTurnsWhenEachSuspendsBetweenSteps() {
		StepVerifier.withVirtualTime(() -> this.service.interleave(new InterleaveRequest(3, true)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(30))
			.assertNext((report) -> assertThat(report.result().order()).containsExactly("a:0", "b:0", "a:1", "b:1",
					"a:2", "b:2"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void withoutSuspendingTheFirstTaskRunsToTheEndBeforeTheOther() {
		StepVerifier.create(this.service.interleave(new InterleaveRequest(3, false)))
			.assertNext((report) -> assertThat(report.result().order()).containsExactly("a:0", "a:1", "a:2", "b:0",
					"b:1", "b:2"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void oneThreadRunsBothTasks() {
		StepVerifier.create(this.service.interleave(new InterleaveRequest(5, true)))
			.assertNext((report) -> assertThat(report.timeline()).filteredOn((event) -> !"0".equals(event.detail()))
				.extracting(TimelineEvent::thread)
				.containsOnly("single-1"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

}
