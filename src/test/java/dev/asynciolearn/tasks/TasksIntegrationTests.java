package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.system.Replica;
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

	@Autowired
	private Replica replica;

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
	void aVirtualThreadTaskRunsOnItsOwnThreadAndCancellingItInterruptsIt() {
		TaskView quick = create("/api/vthreads/tasks", Map.of("name", "vt quick", "durationMs", 100, "result", 42));
		assertThat(quick.virtualThread()).isEqualTo("vt quick");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get(quick.id()).result()).isEqualTo(42));
		assertThat(get(quick.id()).doneCallbacks()).containsExactly("log_outcome(task 'vt quick'): DONE, result=42");
		TaskView slow = create("/api/vthreads/tasks", Map.of("name", "vt slow", "durationMs", 60_000));
		Cancellation cancelled = cancel(slow.id());
		assertThat(cancelled.cancelled()).isTrue();
		assertThat(cancelled.task()).extracting(TaskView::state, TaskView::exception, TaskView::virtualThread)
			.containsExactly(DemoTask.State.CANCELLED, "CancelledError", "vt slow");
		this.client.get()
			.uri("/api/tasks?state=PENDING")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.id == " + slow.id() + ")]")
			.isEmpty();
	}

	@Test
	void theVirtualThreadWaitLeavesItsPendingTasksRunningAsAsyncioDoes() {
		this.client.get()
			.uri("/api/vthreads/collections/wait?returnWhen=FIRST_COMPLETED&count=3&delayMs=600")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.done.length()")
			.isEqualTo(1)
			.jsonPath("$.result.pending[*].state")
			.isEqualTo(List.of("PENDING", "PENDING"))
			.jsonPath("$.result.pending[*].virtualThread")
			.value((names) -> assertThat(names.toString()).contains("/job-0", "/job-2"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.client.get()
				.uri("/api/tasks?state=PENDING")
				.exchange()
				.expectBody()
				.jsonPath("$[?(@.name =~ /vt-wait-.*/)]")
				.isEmpty());
		this.client.get()
			.uri("/api/tasks?state=CANCELLED")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.name =~ /vt-wait-.*/)]")
			.isEmpty();
	}

	@Test
	void aTasksAnswerNamesTheReplicaHoldingItAndAnotherReplicaWouldSaySo() {
		String named = this.client.post()
			.uri("/api/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "here", "durationMs", 0))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("X-Replica", this.replica.name())
			.expectBody(TaskView.class)
			.returnResult()
			.getResponseBody()
			.replica();
		assertThat(named).isEqualTo(this.replica.name());
		this.client.get()
			.uri("/api/tasks/999999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Replica", this.replica.name())
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail)
				.contains("no task 999999 on replica " + this.replica.name() + ".", "X-Replica"));
	}

	@Test
	void anUnknownTaskIsA404() {
		this.client.get().uri("/api/tasks/999999").exchange().expectStatus().isNotFound().expectBody();
		this.client.delete().uri("/api/tasks/999999").exchange().expectStatus().isNotFound().expectBody();
	}

	private TaskView create(Map<String, Object> body) {
		return create("/api/tasks", body);
	}

	private TaskView create(String path, Map<String, Object> body) {
		return this.client.post()
			.uri(path)
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
