package dev.asynciolearn.pitfalls;

import dev.asynciolearn.pitfalls.BackpressureService.BackpressureResult;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.TestReports.reportAt;
import static org.assertj.core.api.Assertions.assertThat;

class BackpressureServiceTests {

	private final BackpressureService service = new BackpressureService();

	@Test
	void brokenAProducerThatPushesEverythingFillsAnUnboundedBuffer() {
		BackpressureResult result = run(Variant.BROKEN);
		assertThat(result.consumed()).isEqualTo(BackpressureService.ITEMS);
		assertThat(result.peakWaiting()).as("everything waited at once").isEqualTo(BackpressureService.ITEMS);
		assertThat(result.bounded()).isFalse();
	}

	@Test
	void fixedAProducerThatEmitsWhatIsAskedForWaitsLikeAFullQueue() {
		BackpressureResult result = run(Variant.FIXED);
		assertThat(result.consumed()).isEqualTo(BackpressureService.ITEMS);
		assertThat(result.peakWaiting()).as("queued, plus the one being consumed")
			.isBetween(1, BackpressureService.PREFETCH + 1);
		assertThat(result.bounded()).isTrue();
	}

	private BackpressureResult run(Variant variant) {
		return reportAt(BackpressureService.CONSUME.multipliedBy(BackpressureService.ITEMS),
				() -> this.service.run(new LabRequest(variant)))
			.result();
	}

}
