package dev.asynciolearn.pitfalls;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.pitfalls.ErrorContinueService.ErrorContinueResult;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.TestReports.reportAt;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorContinueServiceTests {

	private final ErrorContinueService service = new ErrorContinueService();

	@Test
	void brokenOnErrorContinueSkipsTheFailedItemBeforeItsOwnHandlerCanSeeIt() {
		assertThat(run(Variant.BROKEN))
			.isEqualTo(new ErrorContinueResult(Variant.BROKEN, List.of(1, 2, 4, 5), List.of(), List.of(3), false));
	}

	@Test
	void fixedTheHandlerOnEachElementGivesTheFailedItemItsFallbackLikeExceptInTheLoopBody() {
		assertThat(run(Variant.FIXED))
			.isEqualTo(new ErrorContinueResult(Variant.FIXED, List.of(1, 2, -3, 4, 5), List.of(3), List.of(), true));
	}

	private ErrorContinueResult run(Variant variant) {
		return reportAt(Duration.ZERO, () -> this.service.run(new LabRequest(variant))).result();
	}

}
