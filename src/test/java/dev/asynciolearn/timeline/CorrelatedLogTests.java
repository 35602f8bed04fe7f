package dev.asynciolearn.timeline;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelatedLogTests {

	@AfterEach
	void clear() {
		MDC.remove(CorrelatedLog.KEY);
	}

	@Test
	void theIdIsInTheMdcWhileTheLineIsWrittenAndTheOuterOneComesBack() {
		MDC.put(CorrelatedLog.KEY, "outer");
		AtomicReference<String> seen = new AtomicReference<>();
		CorrelatedLog.run("inner", () -> seen.set(MDC.get(CorrelatedLog.KEY)));
		assertThat(seen).hasValue("inner");
		assertThat(MDC.get(CorrelatedLog.KEY)).isEqualTo("outer");
	}

	@Test
	void withNoOuterIdNoneIsLeftBehind() {
		AtomicReference<String> seen = new AtomicReference<>();
		CorrelatedLog.run("inner", () -> seen.set(MDC.get(CorrelatedLog.KEY)));
		assertThat(seen).hasValue("inner");
		assertThat(MDC.get(CorrelatedLog.KEY)).isNull();
	}

	@Test
	void withoutAnIdTheLineIsWrittenAsItIs() {
		AtomicReference<Boolean> ran = new AtomicReference<>(false);
		CorrelatedLog.run(null, () -> ran.set(true));
		assertThat(ran).hasValue(true);
		assertThat(MDC.get(CorrelatedLog.KEY)).isNull();
	}

}
