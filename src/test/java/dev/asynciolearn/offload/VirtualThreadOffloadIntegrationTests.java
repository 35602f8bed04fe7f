package dev.asynciolearn.offload;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.timeline.TestReports.get;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class VirtualThreadOffloadIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theReadRunsOnTheRequestsVirtualThreadWithNoHop() {
		Report<FileDigest> report = get(this.client, "/api/vthreads/offload/file?name=1MiB.bin&latencyMs=10",
				FileDigest.class);
		assertThat(report.result().sizeBytes()).isEqualTo(1 << 20);
		assertThat(report.timeline()).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.thread()).isEqualTo(VirtualThreadDemo.THREAD));
	}

	@Test
	void aMissingFileIsNotFound() {
		this.client.get()
			.uri("/api/vthreads/offload/file?name=missing.bin&latencyMs=0")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("missing.bin"));
	}

}
