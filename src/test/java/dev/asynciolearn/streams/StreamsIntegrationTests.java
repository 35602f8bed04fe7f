package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StreamsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theIteratorStreamsItsItemsOneDelayApart() {
		List<Map<String, Object>> items = this.client.get()
			.uri("/api/streams/iterator?count=4&delayMs=100")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(items).extracting((item) -> item.get("value")).containsExactly(0, 1, 2, 3);
		assertThat((Double) items.get(3).get("atMs")).isGreaterThanOrEqualTo(400.0);
	}

	@Test
	void exitRunsEvenWhenTheBodyRaises() {
		this.client.get()
			.uri("/api/streams/context-manager?failInside=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.result.exitCalled")
			.isEqualTo(true)
			.jsonPath("$.timeline[?(@.task == '__aexit__')].event")
			.value((events) -> assertThat(events.toString()).contains("call", "done"));
	}

}
