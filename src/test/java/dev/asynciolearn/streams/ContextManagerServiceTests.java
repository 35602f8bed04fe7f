package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.asynciolearn.streams.ContextManagerService.ContextManagerResult;
import dev.asynciolearn.system.DroppedSignals;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.CANCELLED;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.ERROR;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.TIMEOUT;
import static dev.asynciolearn.timeline.TestReports.reportAt;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code async with} in virtual time: {@code __aenter__} takes 50 ms, the body 100 ms,
 * {@code __aexit__} 50 ms.
 */
class ContextManagerServiceTests {

	private static final String RAISED = "java.lang.IllegalStateException: raised inside 'async with'";

	private final ContextManagerService service = new ContextManagerService();

	@Test
	void exitRunsAfterTheBodyOnSuccess() {
		Report<ContextManagerResult> report = run(false, null, 200);
		assertThat(steps(report)).containsExactly(step("__aenter__", START), step("__aenter__", DONE),
				step("body", START), step("body", DONE), step("__aexit__", CALL, "no exception"),
				step("__aexit__", DONE));
		assertThat(report.result()).isEqualTo(new ContextManagerResult("session used", null, null, true, true));
	}

	@Test
	void exitRunsWhenTheBodyRaisesAndTheErrorCarriesOn() {
		Report<ContextManagerResult> report = run(true, null, 200);
		assertThat(steps(report)).containsSubsequence(step("body", ERROR, RAISED),
				step("__aexit__", CALL, "with " + RAISED), step("__aexit__", DONE));
		assertThat(report.result()).isEqualTo(new ContextManagerResult(null, RAISED, RAISED, true, true));
	}

	@Test
	void exitRunsWhenTheBlockIsCancelled() {
		Report<ContextManagerResult> report = run(false, 100L, 100);
		assertThat(steps(report))
			.containsSubsequence(step("body", START), step("body", CANCELLED),
					step("__aexit__", CALL, "on cancellation"))
			.doesNotContain(step("body", DONE));
		assertThat(report.result())
			.isEqualTo(new ContextManagerResult(null, null, "cancelled by timeout", true, false));
	}

	@Test
	void anErrorThatMeetsTheTimeoutDuringExitIsReportedNotDropped() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try {
			AtomicReference<Report<ContextManagerResult>> answer = new AtomicReference<>();
			StepVerifier.create(this.service.run(new ContextManagerRequest(true, 175L)))
				.then(() -> time.advanceTimeBy(Duration.ofMillis(175)))
				.consumeNextWith(answer::set)
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			time.advanceTimeBy(Duration.ofMillis(100));
			Report<ContextManagerResult> report = answer.get();
			assertThat(steps(report))
				.containsSubsequence(step("body", ERROR, RAISED), step("__aexit__", CALL, "with " + RAISED),
						step("wait_for", TIMEOUT))
				.as("__aexit__ runs on after the answer")
				.doesNotContain(step("__aexit__", DONE));
			assertThat(report.result())
				.isEqualTo(new ContextManagerResult(null, RAISED, "cancelled by timeout", true, false));
			assertThat(DroppedSignals.drain()).as("signals dropped once __aexit__ is done").isEmpty();
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	private Report<ContextManagerResult> run(boolean failInside, Long timeoutMs, long reportAtMs) {
		return reportAt(Duration.ofMillis(reportAtMs),
				() -> this.service.run(new ContextManagerRequest(failInside, timeoutMs)));
	}

}
