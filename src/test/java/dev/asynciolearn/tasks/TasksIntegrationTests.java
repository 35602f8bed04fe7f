package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.tasks.TaskController.Cancellation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class TasksIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aTaskRunsWithoutBeingAwaitedAndReportsItsResultAndCallbacks() {
		TaskView created = create(Map.of("name", "quick", "durationMs", 200, "result", "42"));
		assertThat(created.state()).isEqualTo(DemoTask.State.PENDING);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(get(created.id()).state()).isEqualTo(DemoTask.State.DONE));
		TaskView done = get(created.id());
		assertThat(done.result()).isEqualTo("42");
		assertThat(done.doneCallbacks()).containsExactly("log_outcome(task 'quick'): DONE, result=42");
		assertThat(cancel(created.id()).cancelled()).as("a finished task cannot be cancelled").isFalse();
	}

	@Test
	void aResultIsAnyJsonValueAndComesBackAsGiven() {
		for (Object result : List.of(42, true, List.of(1, "two"), Map.of("answer", 42), "42")) {
			TaskView created = create(Map.of("name", "value", "durationMs", 0, "result", result));
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(get(created.id()).state()).isEqualTo(DemoTask.State.DONE));
			this.client.get()
				.uri("/api/tasks/" + created.id())
				.exchange()
				.expectBody()
				.jsonPath("$.result")
				.isEqualTo(result);
		}
	}

	/**
	 * Five {@code wait} demos whose tasks run on after a 1 ms timeout fill the wait
	 * demo's budget, not everyone's.
	 */
	@Test
	void theWaitDemosTasksDoNotLockOutCreateTask() {
		for (int i = 0; i < 5; i++) {
			this.client.get()
				.uri("/api/collections/wait?count=20&delayMs=2000&timeoutMs=1")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody();
		}
		this.client.get()
			.uri("/api/collections/wait?count=20&delayMs=2000&timeoutMs=1")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody();
		TaskView mine = create(Map.of("name", "mine", "durationMs", 0));
		assertThat(mine.name()).isEqualTo("mine");
		this.client.get()
			.uri("/api/tasks?state=PENDING")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.name =~ /wait-.*/)]")
			.isNotEmpty();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/api/tasks?state=PENDING")
				.exchange()
				.expectBody()
				.jsonPath("$[?(@.name =~ /wait-.*/)]")
				.isEmpty());
	}

	@Test
	void cancellingAPendingTaskIsTrueAndItEndsCancelled() {
		TaskView created = create(Map.of("name", "slow", "durationMs", 60_000));
		this.client.get()
			.uri("/api/tasks?state=PENDING")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == " + created.id() + ")].name")
			.isEqualTo("slow");
		Cancellation first = cancel(created.id());
		assertThat(first.cancelled()).isTrue();
		assertThat(first.task().state()).isEqualTo(DemoTask.State.CANCELLED);
		assertThat(first.task().exception()).isEqualTo("CancelledError");
		assertThat(cancel(created.id()).cancelled()).as("cancel() again is False").isFalse();
	}

	@Test
	void aFailingTaskReportsItsException() {
		TaskView created = create(Map.of("name", "boom", "durationMs", 10, "failWith", "boom"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(get(created.id()).exception()).isEqualTo("TaskFailure('boom')"));
		assertThat(get(created.id()).state()).isEqualTo(DemoTask.State.FAILED);
	}

	@Test
	void aCallbackAddedToAFinishedTaskRunsAtOnce() {
		TaskView created = create(Map.of("name", "quick", "durationMs", 0));
		await().atMost(Duration.ofSeconds(5)).until(() -> get(created.id()).done());
		this.client.post()
			.uri("/api/tasks/" + created.id() + "/callbacks?name=late")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.doneCallbacks[1]")
			.isEqualTo("late(task 'quick'): DONE, result=done");
	}

	@Test
	void anUnknownTaskIsA404() {
		this.client.get().uri("/api/tasks/999999").exchange().expectStatus().isNotFound().expectBody();
		this.client.delete().uri("/api/tasks/999999").exchange().expectStatus().isNotFound().expectBody();
	}

	private TaskView create(Map<String, Object> body) {
		return this.client.post()
			.uri("/api/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(TaskView.class)
			.returnResult()
			.getResponseBody();
	}

	private Cancellation cancel(long id) {
		return this.client.delete()
			.uri("/api/tasks/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Cancellation.class)
			.returnResult()
			.getResponseBody();
	}

	private TaskView get(long id) {
		return this.client.get()
			.uri("/api/tasks/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(TaskView.class)
			.returnResult()
			.getResponseBody();
	}

}
