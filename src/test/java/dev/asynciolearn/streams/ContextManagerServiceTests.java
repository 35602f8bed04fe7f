package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ContextManagerServiceTests {

	private final ContextManagerService service = new ContextManagerService();

	@Test
	void exitRunsAfterTheBodyOnSuccess() {
		StepVerifier.withVirtualTime(() -> this.service.run(false, null))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(200))
			.assertNext((report) -> {
				assertThat(events(report)).containsExactly("__aenter__:opening", "__aenter__:open", "body:start",
						"body:done", "__aexit__:called, no exception", "__aexit__:closed");
				assertThat(result(report)).containsEntry("result", "session used");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void exitRunsWhenTheBodyRaisesAndTheErrorCarriesOn() {
		StepVerifier.withVirtualTime(() -> this.service.run(true, null))
			.thenAwait(Duration.ofMillis(200))
			.assertNext((report) -> {
				assertThat(events(report)).containsSubsequence("body:raise",
						"__aexit__:called with java.lang.IllegalStateException: raised inside 'async with'",
						"__aexit__:closed");
				assertThat(result(report)).containsEntry("error",
						"java.lang.IllegalStateException: raised inside 'async with'");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void exitRunsWhenTheBlockIsCancelled() {
		StepVerifier.withVirtualTime(() -> this.service.run(false, Duration.ofMillis(100)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.assertNext((report) -> {
				assertThat(events(report)).containsSubsequence("body:start", "__aexit__:called on cancellation")
					.doesNotContain("body:done");
				assertThat(result(report)).containsEntry("error", "cancelled by timeout");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private static List<String> events(Report report) {
		return report.timeline().stream().map((event) -> event.task() + ":" + event.event()).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Report report) {
		return (Map<String, Object>) report.result();
	}

}
