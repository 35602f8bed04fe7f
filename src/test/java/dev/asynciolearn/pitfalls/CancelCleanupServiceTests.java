package dev.asynciolearn.pitfalls;

import java.util.List;

import dev.asynciolearn.pitfalls.CancelCleanupService.CancelCleanupResult;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.CANCELLED;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.TIMEOUT;
import static dev.asynciolearn.timeline.TestReports.reportAt;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

class CancelCleanupServiceTests {

	private final CancelCleanupService service = new CancelCleanupService();

	@Test
	void brokenCleanupInDoOnErrorNeverRunsBecauseTheTimeoutCancelsTheWork() {
		Report<CancelCleanupResult> report = run(Variant.BROKEN);
		assertThat(report.result())
			.isEqualTo(new CancelCleanupResult(Variant.BROKEN, "TimeoutError", List.of("doOnCancel"), false));
		assertThat(steps(report)).containsExactly(step("work", START), step("work", CANCELLED),
				step("wait_for", TIMEOUT));
	}

	@Test
	void fixedCleanupInDoFinallyRunsWithTheCancelSignalLikeAFinallyBlock() {
		Report<CancelCleanupResult> report = run(Variant.FIXED);
		assertThat(report.result().hooksThatRan()).containsExactly("doOnCancel", "doFinally(cancel)");
		assertThat(report.result().cleanedUp()).isTrue();
		assertThat(steps(report)).containsExactly(step("work", START), step("work", CANCELLED),
				step("cleanup", CALL, "doFinally(cancel)"), step("wait_for", TIMEOUT));
	}

	private Report<CancelCleanupResult> run(Variant variant) {
		return reportAt(CancelCleanupService.TIMEOUT, () -> this.service.run(new LabRequest(variant)));
	}

}
