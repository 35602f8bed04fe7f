package dev.asynciolearn.tasks;

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
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
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

}
