package dev.asynciolearn.streams;

import java.util.List;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.streams.StreamService.Item;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class VirtualThreadStreamsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@ParameterizedTest
	@ValueSource(strings = { "iterator", "generator" })
	void theStreamArrivesItemByItemFromTheLoopsVirtualThread(String stream) {
		List<Item> items = this.client.get()
			.uri("/api/vthreads/streams/" + stream + "?count=4&delayMs=100")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Item.class)
			.getResponseBody()
			.collectList()
			.block();
		assertThat(items).extracting(Item::value).containsExactly(0, 1, 2, 3);
		assertThat(items).extracting(Item::thread).containsOnly(StreamsOnVirtualThreads.LOOP);
		// One delay apart: each pulled when the previous had gone.
		assertThat(items.get(3).atMs() - items.get(0).atMs()).isGreaterThanOrEqualTo(290.0);
	}

}
