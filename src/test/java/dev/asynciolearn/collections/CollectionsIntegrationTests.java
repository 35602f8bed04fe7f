package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.collections.GatherResult.Gathered;
import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskView;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.timeline.TestReports.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class CollectionsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void gatherOfTwentyJobsTakesAboutTheLongestNotTheSum() {
		Report<Gathered> report = get(this.client, "/api/collections/gather?count=20&delayMs=500", Gathered.class);
		assertThat(report.result().results()).hasSize(20);
		assertThat(report.result().sumOfJobsMs()).isEqualTo(5250);
		assertThat(report.elapsedMs()).isBetween(500.0, 2500.0);
	}

	@Test
	void pendingTasksLeftByWaitFinishLaterInTheRegistry() {
		Report<WaitResult> report = get(this.client,
				"/api/collections/wait?returnWhen=FIRST_COMPLETED&count=3&delayMs=600", WaitResult.class);
		List<TaskView> pending = report.result().pending();
		assertThat(pending).hasSize(2).extracting(TaskView::state).containsOnly(DemoTask.State.PENDING);
		for (TaskView task : pending) {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.client.get()
					.uri("/api/tasks/" + task.id())
					.exchange()
					.expectBody()
					.jsonPath("$.state")
					.isEqualTo("DONE"));
		}
	}

	@Test
	void asCompletedStreamsNdjsonInCompletionOrder() {
		List<Map<String, Object>> events = this.client.get()
			.uri("/api/collections/as-completed?count=3&delayMs=300")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
			.returnResult(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).extracting((event) -> event.get("job")).containsExactly(1, 2, 0);
	}

	@Test
	void asCompletedStreamsServerSentEventsAndEndsWithTimeoutErrorAtTheDeadline() {
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/collections/as-completed?count=2&delayMs=2000&timeoutMs=1500")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).extracting((event) -> event.data().get("type")).containsExactly("result", "TimeoutError");
		assertThat(events.get(1).data()).containsEntry("cancelled", List.of(0));
	}

}
