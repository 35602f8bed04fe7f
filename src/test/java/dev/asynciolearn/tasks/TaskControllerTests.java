package dev.asynciolearn.tasks;

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
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.mockito.ArgumentMatchers.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest({ TaskController.class, CoroutineController.class })
class TaskControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private TaskRegistry registry;

	@MockitoBean
	private CoroutineService coroutines;

	@MockitoBean
	private ScaleService scale;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			'{"durationMs": 10}'                                 | name       | is required
			'{"name": "", "durationMs": 10}'                     | name       | 1 to 50 letters
			'{"name": "a/b", "durationMs": 10}'                  | name       | 1 to 50 letters
			'{"name": "t"}'                                      | durationMs | is required
			'{"name": "t", "durationMs": -1}'                    | durationMs | between 0 and 300000
			'{"name": "t", "durationMs": 300001}'                | durationMs | between 0 and 300000
			'{"name": "t", "durationMs": 10, "failWith": ""}'    | failWith   | 1 to 200 characters
			'{"name": "t", "durationMs": "soon"}'                | body       | not valid JSON
			""")
	void badTasksAreProblems(String body, String parameter, String rule) {
		this.client.post()
			.uri("/api/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(rule));
		verifyNoInteractions(this.registry);
	}

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/tasks/abc                   | id     | must be an integer
			/api/tasks?state=SLEEPING        | state  | must be one of PENDING, DONE, FAILED, CANCELLED
			/api/tasks/interleave?steps=0    | steps  | between 1 and 100
			/api/tasks/interleave?steps=101  | steps  | between 1 and 100
			/api/tasks/interleave?suspend=maybe| suspend| true or false
			/api/coroutines/scale?count=0     | count  | between 1 and 100000
			/api/coroutines/scale?count=100001 | count | between 1 and 100000
			/api/coroutines/scale?delayMs=10001 | delayMs | between 0 and 10000
			/api/coroutines/scale-threads?count=2001 | count | between 1 and 2000
			""")
	void badParametersAreProblems(String uri, String parameter, String rule) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo(parameter.trim())
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(rule));
	}

	@Test
	void anUnknownTaskIsA404() {
		given(this.registry.get(anyLong())).willThrow(new TaskNotFoundException(7));
		this.client.get()
			.uri("/api/tasks/7")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Task not found")
			.jsonPath("$.parameter")
			.isEqualTo("id");
	}

	@Test
	void tooManyPendingTasksIsA429() {
		given(this.registry.start(any(), any())).willThrow(new TooManyTasksException(100));
		this.client.post()
			.uri("/api/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"t\", \"durationMs\": 10}")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Too many pending tasks");
	}

	@Test
	void aCreatedTaskAnswers201WithItsLocation() {
		DemoTask task = new DemoTask(5, "t", Instant.now());
		given(this.registry.start(any(), any())).willReturn(task);
		this.client.post()
			.uri("/api/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"t\", \"durationMs\": 10}")
			.exchange()
			.expectStatus()
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
	void goodParametersReachTheServicesAsGiven() {
		given(this.scale.monos(5000, Duration.ofMillis(250))).willReturn(Mono.just(TestReports.named("monos")));
		given(this.scale.compare(300, Duration.ofMillis(50))).willReturn(Mono.just(TestReports.named("compare")));
		given(this.coroutines.awaitOrder()).willReturn(Mono.just(TestReports.named("awaitOrder")));
		given(this.coroutines.lazy()).willReturn(Mono.just(TestReports.named("lazy")));
		given(this.coroutines.interleave(4, false)).willReturn(Mono.just(TestReports.named("interleave(4, false)")));
		expectConcept(this.client, "/api/coroutines/scale?count=5000&delayMs=250", "monos");
		expectConcept(this.client, "/api/coroutines/scale-threads?count=300&delayMs=50", "compare");
		expectConcept(this.client, "/api/coroutines/await", "awaitOrder");
		expectConcept(this.client, "/api/coroutines/lazy", "lazy");
		expectConcept(this.client, "/api/tasks/interleave?steps=4&suspend=false", "interleave(4, false)");
	}

	@Test
	void theRegistryAnswersGetCancelCallbacksAndAll() {
		DemoTask task = new DemoTask(9, "slow", Instant.now());
		task.run(Mono.just("finished"), () -> {
		});
		given(this.registry.get(9)).willReturn(task);
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
		DemoTask task = new DemoTask(6, "boom", Instant.now());
		given(this.registry.start(eq("boom"), any())).willAnswer((invocation) -> {
			Mono<Object> work = invocation.getArgument(1);
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
		task.run(Mono.error(new IllegalStateException("kaput")), () -> {
		});
		assertThat(task.view().doneCallbacks())
			.containsExactly("log_outcome(task 'boom'): FAILED, exception=java.lang.IllegalStateException: kaput");
	}

}
