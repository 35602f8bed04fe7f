package dev.asynciolearn.tasks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import dev.asynciolearn.timeline.TestReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(VirtualThreadTaskController.class)
class VirtualThreadTaskControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private InterleaveOnVirtualThreads interleave;

	@MockitoBean
	private TaskRegistry registry;

	@Test
	void badInputIsAProblemNamingTheParameterAndItsRange() {
		expectProblem(this.client, "/api/vthreads/tasks/interleave?steps=101", "steps", "between 1 and 100");
		verifyNoInteractions(this.interleave);
	}

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			'{"durationMs": 10}'                        | name       | is required
			'{"name": "a/b", "durationMs": 10}'         | name       | 1 to 50 letters
			'{"name": "t", "durationMs": 300001}'       | durationMs | between 0 and 300000
			'{"name": "t", "durationMs": "soon"}'       | durationMs | a whole JSON number
			""")
	void aBadTaskIsAProblemAndStartsNothing(String body, String parameter, String rule) {
		expectProblem(
				this.client.post().uri("/api/vthreads/tasks").contentType(MediaType.APPLICATION_JSON).bodyValue(body),
				HttpStatus.BAD_REQUEST, parameter, rule);
		verifyNoInteractions(this.registry);
	}

	@Test
	void aCreatedTaskAnswers201WithItsLocationAndItsWorkSleepsThenFails() {
		DemoTask task = new DemoTask(5, "t", "local", Instant.now(), 20, () -> {
		});
		AtomicReference<Callable<?>> work = new AtomicReference<>();
		given(this.registry.startOnVirtualThread(eq(VirtualThreadTaskController.CREATE_TASK), eq("t"), any()))
			.willAnswer((invocation) -> {
				work.set(invocation.getArgument(2));
				return task;
			});
		this.client.post()
			.uri("/api/vthreads/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "t", "durationMs", 1, "failWith", "kaput"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/tasks/5")
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PENDING");
		// Off the event loop: the work blocks, as it does on its virtual thread.
		assertThatExceptionOfType(TaskController.TaskFailure.class).isThrownBy(work.get()::call).withMessage("kaput");
	}

	@Test
	void goodParametersReachTheTwinAsGiven() {
		given(this.interleave.interleave(new InterleaveRequest(4, false)))
			.willReturn(Mono.just(TestReports.named("interleave(4, false)")));
		expectConcept(this.client, "/api/vthreads/tasks/interleave?steps=4&suspend=false", "interleave(4, false)");
	}

}
