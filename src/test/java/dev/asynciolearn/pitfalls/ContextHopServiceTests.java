package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.pitfalls.ContextHopService.ContextHopResult;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads: the hop from this thread to a {@code parallel} one is the point.
 */
class ContextHopServiceTests {

	private final ContextHopService service = new ContextHopService();

	@Test
	void brokenAThreadLocalSetBeforeTheHopIsGoneOnTheThreadAfterIt() {
		ContextHopResult result = run(Variant.BROKEN);
		assertThat(result.beforeHop().user()).isEqualTo("ada");
		assertThat(result.afterHop().user()).isNull();
		assertThat(result.afterHop().thread()).startsWith("parallel-").isNotEqualTo(result.beforeHop().thread());
		assertThat(result.survived()).isFalse();
		assertThat(MDC.get("user")).as("left behind on the subscribing thread").isNull();
	}

	@Test
	void fixedTheReactorContextCrossesTheHopLikeAContextVar() {
		ContextHopResult result = run(Variant.FIXED);
		assertThat(result.beforeHop().user()).isEqualTo("ada");
		assertThat(result.afterHop().user()).isEqualTo("ada");
		assertThat(result.afterHop().thread()).startsWith("parallel-");
		assertThat(result.survived()).isTrue();
	}

	private ContextHopResult run(Variant variant) {
		Report<ContextHopResult> report = this.service.run(new LabRequest(variant)).block(Duration.ofSeconds(5));
		assertThat(report).isNotNull();
		return report.result();
	}

}
