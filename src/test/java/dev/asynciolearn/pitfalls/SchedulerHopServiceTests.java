package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.pitfalls.SchedulerHopService.SchedulerHopResult;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads: the thread is the point.
 */
class SchedulerHopServiceTests {

	private final SchedulerHopService service = new SchedulerHopService();

	@Test
	void brokenPublishOnLeavesTheReadOnTheSubscribersThreadAndMovesOnlyWhatFollows() {
		SchedulerHopResult result = run(Variant.BROKEN);
		String caller = Thread.currentThread().getName();
		assertThat(result.subscribedOn()).isEqualTo(caller);
		assertThat(result.readOn()).as("the read meant to be offloaded").isEqualTo(caller);
		assertThat(result.parseOn()).startsWith("boundedElastic-");
		assertThat(result.saveOn()).startsWith("boundedElastic-");
		assertThat(result.readOffloaded()).isFalse();
	}

	@Test
	void fixedSubscribeOnRunsTheReadOnBoundedElasticLikeToThread() {
		SchedulerHopResult result = run(Variant.FIXED);
		assertThat(result.readOn()).startsWith("boundedElastic-");
		assertThat(result.parseOn()).startsWith("boundedElastic-");
		assertThat(result.readOffloaded()).isTrue();
	}

	/** Subscribed on this test's thread, as a request is on its event loop. */
	private SchedulerHopResult run(Variant variant) {
		Report<SchedulerHopResult> report = this.service.run(new LabRequest(variant)).block(Duration.ofSeconds(5));
		assertThat(report).isNotNull();
		return report.result();
	}

}
