package dev.asynciolearn.streams;

import dev.asynciolearn.streams.ContextManagerService.ContextManagerResult;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.CANCELLED;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.ERROR;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.TIMEOUT;
import static dev.asynciolearn.timeline.TestReports.reportInRealTime;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code async with} as try-with-resources, in real time: {@code __aenter__} takes 50 ms,
 * the body 100 ms, {@code close()} 50 ms.
 */
class ContextManagerOnVirtualThreadsTests {

	private static final String RAISED = "java.lang.IllegalStateException: raised inside 'async with'";

	private final ContextManagerOnVirtualThreads service = new ContextManagerOnVirtualThreads();

	@Test
	void closeRunsAfterTheBodyOnSuccess() {
		Report<ContextManagerResult> report = reportInRealTime(
				this.service.run(new ContextManagerRequest(false, null)));
		assertThat(steps(report)).containsExactly(step("__aenter__", START), step("__aenter__", DONE),
				step("body", START), step("body", DONE), step("__aexit__", CALL, "no exception"),
				step("__aexit__", DONE));
		assertThat(report.result()).isEqualTo(new ContextManagerResult("session used", null, null, true, true));
	}

	@Test
	void closeRunsWhenTheBodyRaisesAndTheExceptionCarriesOn() {
		Report<ContextManagerResult> report = reportInRealTime(this.service.run(new ContextManagerRequest(true, null)));
		assertThat(steps(report)).containsSubsequence(step("body", ERROR, RAISED),
				step("__aexit__", CALL, "with " + RAISED), step("__aexit__", DONE));
		assertThat(report.result()).isEqualTo(new ContextManagerResult(null, RAISED, RAISED, true, true));
	}

	@Test
	void atTheDeadlineTheBodyIsInterruptedCloseRunsAndWaitForWaitsForIt() {
		Report<ContextManagerResult> report = reportInRealTime(
				this.service.run(new ContextManagerRequest(false, 100L)));
		assertThat(steps(report))
			.containsSubsequence(step("body", START), step("wait_for", TIMEOUT), step("__aexit__", DONE))
			.contains(step("body", CANCELLED, "java.lang.InterruptedException"))
			.doesNotContain(step("body", DONE));
		// Unlike the Reactor twin, close() has finished when the answer goes: as in
		// asyncio.
		assertThat(report.result()).isEqualTo(
				new ContextManagerResult(null, "java.lang.InterruptedException", "cancelled by timeout", true, true));
		assertThat(report.elapsedMs()).isBetween(150.0, 1000.0);
	}

}
