package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.pitfalls.EagerLazyService.EagerLazyResult;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.Event.BUILT;
import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.TestReports.reportAt;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

class EagerLazyServiceTests {

	private final EagerLazyService service = new EagerLazyService();

	@Test
	void brokenMonoJustRunsWorkNobodyAskedForAndAColdMonoRunsItPerSubscriber() {
		Report<EagerLazyResult> report = run(Variant.BROKEN);
		assertThat(report.result()).isEqualTo(new EagerLazyResult(Variant.BROKEN, 1, 2, false));
		assertThat(steps(report)).containsSubsequence(step("never-subscribed", CALL, "expensive() run 1"),
				step("awaited-twice", CALL, "expensive() run 1"), step("awaited-twice", CALL, "expensive() run 2"));
		assertThat(steps(report).indexOf(step("never-subscribed", CALL, "expensive() run 1")))
			.as("Mono.just ran the work before the Mono even existed")
			.isLessThan(steps(report).indexOf(step("awaited-twice", BUILT, "cold: every subscriber runs it")));
	}

	@Test
	void fixedFromCallableWaitsForASubscriberAndCacheRunsTheWorkOnceLikeATask() {
		Report<EagerLazyResult> report = run(Variant.FIXED);
		assertThat(report.result()).isEqualTo(new EagerLazyResult(Variant.FIXED, 0, 1, true));
		assertThat(steps(report)).filteredOn((step) -> step.startsWith("never-subscribed"))
			.noneMatch((step) -> step.contains(CALL.label()));
		assertThat(steps(report)).containsOnlyOnce(step("awaited-twice", CALL, "expensive() run 1"));
	}

	private Report<EagerLazyResult> run(Variant variant) {
		return reportAt(Duration.ZERO, () -> this.service.run(new LabRequest(variant)));
	}

}
