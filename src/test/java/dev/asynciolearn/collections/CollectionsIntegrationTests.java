package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class CollectionsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void gatherOfTwentyJobsTakesAboutTheLongestNotTheSum() {
		Report report = report("/api/collections/gather?count=20&delayMs=500");
		assertThat(result(report).get("results")).asList().hasSize(20).isSorted();
		assertThat(result(report)).containsEntry("sumOfJobsMs", 5250);
		assertThat(report.elapsedMs()).isBetween(500.0, 2500.0);
	}

	@Test
	void pendingTasksLeftByWaitFinishLaterInTheRegistry() {
		Report report = report("/api/collections/wait?returnWhen=FIRST_COMPLETED&count=3&delayMs=600");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> pending = (List<Map<String, Object>>) result(report).get("pending");
		assertThat(pending).hasSize(2).allSatisfy((task) -> assertThat(task).containsEntry("state", "PENDING"));
		for (Map<String, Object> task : pending) {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> this.client.get()
					.uri("/api/tasks/" + task.get("id"))
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

	private Report report(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Report.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Report report) {
		return (Map<String, Object>) report.result();
	}

}
