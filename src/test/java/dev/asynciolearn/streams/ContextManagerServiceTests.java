package dev.asynciolearn.streams;

import java.time.Duration;

import dev.asynciolearn.streams.ContextManagerService.ContextManagerResult;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.CANCELLED;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.ERROR;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

class ContextManagerServiceTests {

	private static final String RAISED = "java.lang.IllegalStateException: raised inside 'async with'";

	private final ContextManagerService service = new ContextManagerService();

	@Test
	void exitRunsAfterTheBodyOnSuccess() {
		StepVerifier.withVirtualTime(() -> this.service.run(new ContextManagerRequest(false, null)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(200))
			.assertNext((report) -> {
				assertThat(steps(report)).containsExactly(step("__aenter__", START), step("__aenter__", DONE),
						step("body", START), step("body", DONE), step("__aexit__", CALL, "no exception"),
						step("__aexit__", DONE));
				assertThat(report.result()).isEqualTo(new ContextManagerResult("session used", null, true));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void exitRunsWhenTheBodyRaisesAndTheErrorCarriesOn() {
		StepVerifier.withVirtualTime(() -> this.service.run(new ContextManagerRequest(true, null)))
			.thenAwait(Duration.ofMillis(200))
			.assertNext((report) -> {
				assertThat(steps(report)).containsSubsequence(step("body", ERROR, RAISED),
						step("__aexit__", CALL, "with " + RAISED), step("__aexit__", DONE));
				assertThat(report.result()).isEqualTo(new ContextManagerResult(null, RAISED, true));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void exitRunsWhenTheBlockIsCancelled() {
		StepVerifier.withVirtualTime(() -> this.service.run(new ContextManagerRequest(false, 100L)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.assertNext((report) -> {
				assertThat(steps(report))
					.containsSubsequence(step("body", START), step("body", CANCELLED),
							step("__aexit__", CALL, "on cancellation"))
					.doesNotContain(step("body", DONE));
				assertThat(report.result()).isEqualTo(new ContextManagerResult(null, "cancelled by timeout", true));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

}
