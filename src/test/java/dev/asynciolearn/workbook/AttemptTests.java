package dev.asynciolearn.workbook;

import java.time.Duration;

import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.timeline.Concept;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;

import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.ERROR;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's exercise, run as a demo: its value or its exception is the report's result;
 * an exercise not yet written is a 501 that says how to write it.
 */
class AttemptTests {

	private static final Concept CONCEPT = new Concept("gather, as you wrote it", "asyncio", "yours");

	@Test
	void aValueIsTheResultAndItsMomentIsOnTheTimeline() {
		StepVerifier.withVirtualTime(() -> Attempt.run(CONCEPT, (timeline) -> Mono.delay(Duration.ofMillis(300))))
			.thenAwait(Duration.ofMillis(300))
			.assertNext((report) -> {
				assertThat(report.result()).isEqualTo(new Attempt<>(0L, null));
				assertThat(steps(report)).containsExactly(step(Attempt.ROW, DONE));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	void anExceptionIsReportedAsRaisedNotAsAServerError() {
		StepVerifier.create(Attempt.run(CONCEPT, (timeline) -> Mono.error(new IllegalStateException("job 1 failed"))))
			.assertNext((report) -> {
				assertThat(report.result().raised()).isEqualTo("java.lang.IllegalStateException: job 1 failed");
				assertThat(steps(report))
					.containsExactly(step(Attempt.ROW, ERROR, "java.lang.IllegalStateException: job 1 failed"));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	void anExerciseThatNeverEndsIsReportedAtTheLimit() {
		StepVerifier.withVirtualTime(() -> Attempt.run(CONCEPT, (timeline) -> Mono.never()))
			.expectSubscription()
			.expectNoEvent(Attempt.LIMIT.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.assertNext(
					(report) -> assertThat(report.result().raised()).startsWith("java.util.concurrent.TimeoutException")
						.contains("did not end within 60000 ms"))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	void anExerciseNotYetWrittenIsA501ThatSaysHowToGradeIt() {
		StepVerifier.create(Attempt.<Object>run(CONCEPT, (timeline) -> {
			throw new NotDoneYet("Gather");
		})).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(ApiProblem.class);
			ApiProblem problem = (ApiProblem) error;
			assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.NOT_IMPLEMENTED);
			assertThat(problem.getBody().getDetail()).contains("not done yet: Gather", "-Dtest=GatherExercise");
		}).verify(Duration.ofSeconds(2));
	}

}
