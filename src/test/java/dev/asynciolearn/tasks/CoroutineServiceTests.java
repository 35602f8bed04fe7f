package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CoroutineServiceTests {

	private final CoroutineService service = new CoroutineService();

	@Test
	void theFirstCoroutineResumesOnlyAfterTheSecondHasFinished() {
		StepVerifier.withVirtualTime(this.service::awaitOrder)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.assertNext((report) -> assertThat(result(report)).containsEntry("returned", 2)
				.extractingByKey("order")
				.asList()
				.containsExactly("first:start", "second:start", "second:end", "first:resume"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(this.service::awaitOrder)
			.thenAwait(Duration.ofMillis(50))
			.assertNext((report) -> assertThat(events(report)).containsExactly("first:start", "first:suspend",
					"second:start", "second:suspend", "second:end", "first:resume"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aMonoThatIsNeverSubscribedNeverRunsButATaskRunsAtOnce() {
		StepVerifier.withVirtualTime(this.service::lazy).thenAwait(Duration.ofMillis(10)).assertNext((report) -> {
			assertThat(result(report)).extractingByKey("neverAwaited").isEqualTo(Map.of("ran", false));
			assertThat(result(report)).extractingByKey("awaited").isEqualTo(Map.of("ran", true));
			assertThat(result(report)).extractingByKey("task")
				.isEqualTo(Map.of("ran", true, "ranBeforeBeingAwaited", true));
			assertThat(report.timeline()).extracting(TimelineEvent::task).doesNotContain("never-awaited:run");
			assertThat(events(report)).containsExactly("never-awaited:built, never subscribed", "task:run",
					"task:created (subscribed now)", "awaited:run");
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void twoTasksTakeTurnsWhenEachSuspendsBetweenSteps() {
		StepVerifier.withVirtualTime(() -> this.service.interleave(3, true))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(30))
			.assertNext((report) -> assertThat(result(report)).extractingByKey("order")
				.asList()
				.containsExactly("a:0", "b:0", "a:1", "b:1", "a:2", "b:2"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void withoutSuspendingTheFirstTaskRunsToTheEndBeforeTheOther() {
		StepVerifier.create(this.service.interleave(3, false))
			.assertNext((report) -> assertThat(result(report)).extractingByKey("order")
				.asList()
				.containsExactly("a:0", "a:1", "a:2", "b:0", "b:1", "b:2"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void oneThreadRunsBothTasks() {
		StepVerifier.create(this.service.interleave(5, true)).assertNext((report) -> {
			assertThat(report.timeline()).filteredOn((event) -> !event.event().equals("0"))
				.extracting(TimelineEvent::thread)
				.containsOnly("single-1");
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> result(Report report) {
		return (Map<String, Object>) report.result();
	}

	private static List<String> events(Report report) {
		return report.timeline().stream().map((event) -> event.task() + ":" + event.event()).toList();
	}

}
