package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.pitfalls.LostErrorService.LostErrorResult;
import dev.asynciolearn.system.DroppedSignals;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class LostErrorServiceTests {

	private final LostErrorService service = new LostErrorService(new DroppedErrors());

	@Test
	void brokenFireAndForgetAnswersOkAndTheErrorGoesToOnErrorDropped() {
		assertThat(run(Variant.BROKEN))
			.isEqualTo(new LostErrorResult(Variant.BROKEN, "ok", null, "Operator called default onErrorDropped"));
	}

	@Test
	void fixedTheReturnedPublisherBringsTheErrorToTheCaller() {
		assertThat(run(Variant.FIXED))
			.isEqualTo(new LostErrorResult(Variant.FIXED, "failed", "audit(order) failed", null));
	}

	@Test
	void anyOtherDroppedErrorIsStillCaughtByTheSuitesGuard() {
		Mono.error(new IllegalStateException("not the lab's")).subscribe();
		assertThat(DroppedSignals.drain()).singleElement().asString().contains("not the lab's");
	}

	private LostErrorResult run(Variant variant) {
		Report<LostErrorResult> report = this.service.run(new LabRequest(variant)).block(Duration.ofSeconds(5));
		assertThat(report).isNotNull();
		return report.result();
	}

}
