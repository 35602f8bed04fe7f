package dev.asynciolearn.tasks;

import dev.asynciolearn.system.ApiProblem;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import dev.asynciolearn.timeline.TestReports;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.system.ProblemAssertions.expectRetryLater;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.mockito.ArgumentMatchers.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(controllers = TaskController.class,
		properties = "asyncio-learn.replica.name=" + TaskControllerTests.REPLICA)
class TaskControllerTests {

	static final String REPLICA = "replica-a";

	private static final String TASK = "{\"name\": \"t\", \"durationMs\": 10}";

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private TaskRegistry registry;

	@MockitoBean
	private InterleaveService interleave;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			'{"durationMs": 10}'                                 | name       | is required
			'{"name": "", "durationMs": 10}'                     | name       | 1 to 50 letters
			'{"name": "a/b", "durationMs": 10}'                  | name       | 1 to 50 letters
			'{"name": "t"}'                                      | durationMs | is required
			'{"name": "t", "durationMs": -1}'                    | durationMs | between 0 and 300000
			'{"name": "t", "durationMs": 300001}'                | durationMs | between 0 and 300000
			'{"name": "t", "durationMs": 10, "failWith": ""}'    | failWith   | 1 to 200 characters
			'{"name": "t", "durationMs": "soon"}'                | durationMs | a whole JSON number
			'{"name": "t", "durationMs": "10"}'                  | durationMs | a whole JSON number
			'{"name": "t", "durationMs": 1.5}'                   | durationMs | a whole JSON number
			'{"name": "t", "durationMs": 1e2}'                   | durationMs | a whole JSON number
			'{"name": "t", "durationMs": 10'                     | body       | not valid JSON
			""")
	void badTasksAreProblems(String body, String parameter, String rule) {
		expectProblem(this.client.post().uri("/api/tasks").contentType(MediaType.APPLICATION_JSON).bodyValue(body),
				HttpStatus.BAD_REQUEST, parameter, rule);
		verifyNoInteractions(this.registry);
	}

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/tasks/99999999999999999999  | id     | must be an integer
			/api/tasks?state=SLEEPING        | state  | must be one of PENDING, DONE, FAILED, CANCELLED
			/api/tasks/interleave?steps=0    | steps  | between 1 and 100
			/api/tasks/interleave?steps=101  | steps  | between 1 and 100
			/api/tasks/interleave?suspend=maybe | suspend | true or false
			/api/tasks/1/callbacks?name=a-b  | name   | 1 to 40 letters
			""")
	void badParametersAreProblems(String uri, String parameter, String rule) {
		expectProblem(this.client.method(uri.contains("callbacks") ? HttpMethod.POST : HttpMethod.GET).uri(uri),
				HttpStatus.BAD_REQUEST, parameter, rule);
		verifyNoInteractions(this.registry, this.interleave);
	}

	@Test
	void aTaskIdIsDigitsSoTheDemoBesideItIsNoTask() {
		this.client.get().uri("/api/tasks/abc").exchange().expectStatus().isNotFound().expectBody();
		this.client.delete().uri("/api/tasks/interleave").exchange().expectStatus().isEqualTo(405).expectBody();
		this.client.get().uri("/api/tasks/+5").exchange().expectStatus().isNotFound().expectBody();
		verifyNoInteractions(this.registry, this.interleave);
	}

	@Test
	void anUnknownTaskIsA404() {
		given(this.registry.get(anyLong()))
			.willThrow(ApiProblem.notFound("Task not found", "id", "Parameter 'id': no task 7"));
		expectProblem(this.client.get().uri("/api/tasks/7"), HttpStatus.NOT_FOUND, "id", "no task 7");
	}

	@Test
	void everyAnswerNamesItsReplicaAndATaskTheReplicaHoldingIt() {
		given(this.registry.start(any(), any(), any()))
			.willReturn(new DemoTask(5, "t", REPLICA, Instant.now(), 20, () -> {
			}));
		given(this.registry.get(anyLong()))
			.willThrow(ApiProblem.notFound("Task not found", "id", "Parameter 'id': no task 7 on replica " + REPLICA));
		postTask().expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("X-Replica", REPLICA)
			.expectBody()
			.jsonPath("$.replica")
			.isEqualTo(REPLICA);
		this.client.get()
			.uri("/api/tasks/7")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Replica", REPLICA)
			.expectBody();
		this.client.get()
			.uri("/api/tasks/interleave?steps=0")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals("X-Replica", REPLICA)
			.expectBody();
	}

	@Test
	void aTaskWithAllItsCallbacksRefusesMoreWithA409() {
		given(this.registry.addDoneCallback(3, "one_more"))
			.willThrow(ApiProblem.conflict("Too many done callbacks", "Task 3 already has the 20 done callbacks"));
		this.client.post()
			.uri("/api/tasks/3/callbacks?name=one_more")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Too many done callbacks");
	}

	@Test
	void tooManyPendingTasksIsA429() {
		given(this.registry.start(any(), any(), any())).willThrow(
				ApiProblem.tooManyRequests("Too many pending tasks", "100 tasks are pending", Duration.ofSeconds(1)));
		expectRetryLater(this.client.post().uri("/api/tasks").contentType(MediaType.APPLICATION_JSON).bodyValue(TASK),
				HttpStatus.TOO_MANY_REQUESTS, "Too many pending tasks");
	}

	@Test
	void aCreatedTaskAnswers201WithItsLocation() {
		DemoTask task = new DemoTask(5, "t", REPLICA, Instant.now(), 20, () -> {
		});
		given(this.registry.start(any(), any(), any())).willReturn(task);
		postTask().expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/tasks/5")
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("PENDING")
			.jsonPath("$.doneCallbacks")
			.isEqualTo(List.of());
	}

	@Test
	void interleaveGetsItsParametersAsGiven() {
		given(this.interleave.interleave(new InterleaveRequest(4, false)))
			.willReturn(Mono.just(TestReports.named("interleave(4, false)")));
		expectConcept(this.client, "/api/tasks/interleave?steps=4&suspend=false", "interleave(4, false)");
	}

	@Test
	void theRegistryAnswersGetCancelCallbacksAndAll() {
		DemoTask task = new DemoTask(9, "slow", REPLICA, Instant.now(), 20, () -> {
		});
		task.run(Mono.just("finished"));
		given(this.registry.get(9)).willReturn(task);
		given(this.registry.addDoneCallback(9, "notify")).willAnswer((invocation) -> {
			task.addDoneCallback("notify");
			return task;
		});
		given(this.registry.cancel(9)).willReturn(true);
		given(this.registry.all(DemoTask.State.PENDING)).willReturn(List.of(task.view()));
		this.client.get()
			.uri("/api/tasks/9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("slow");
		this.client.delete()
			.uri("/api/tasks/9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.cancelled")
			.isEqualTo(true)
			.jsonPath("$.task.id")
			.isEqualTo(9);
		this.client.post()
			.uri("/api/tasks/9/callbacks?name=notify")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.doneCallbacks")
			.isEqualTo(List.of("notify(task 'slow'): DONE, result=finished"));
		this.client.get()
			.uri("/api/tasks?state=PENDING")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].id")
			.isEqualTo(9);
	}

	@Test
	void aNewTaskGetsTheLogOutcomeCallbackAndItsWorkFailsWithTheGivenMessage() {
		DemoTask task = new DemoTask(6, "boom", REPLICA, Instant.now(), 20, () -> {
		});
		given(this.registry.start(any(), eq("boom"), any())).willAnswer((invocation) -> {
			Mono<Object> work = invocation.getArgument(2);
			StepVerifier.create(work).expectErrorMessage("kaput").verify(Duration.ofSeconds(5));
			return task;
		});
		this.client.post()
			.uri("/api/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "boom", "durationMs", 1, "failWith", "kaput"))
			.exchange()
			.expectStatus()
			.isCreated();
		task.run(Mono.error(new IllegalStateException("kaput")));
		assertThat(task.view().doneCallbacks())
			.containsExactly("log_outcome(task 'boom'): FAILED, exception=java.lang.IllegalStateException: kaput");
	}

	private WebTestClient.ResponseSpec postTask() {
		return this.client.post().uri("/api/tasks").contentType(MediaType.APPLICATION_JSON).bodyValue(TASK).exchange();
	}

}
