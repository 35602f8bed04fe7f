package dev.asynciolearn.system;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ObservabilityIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void everyResponseCarriesACorrelationIdTheCallerCanChoose() {
		this.client.get()
			.uri("/api/ping")
			.header(CorrelationIdFilter.HEADER, "my-request-1")
			.exchange()
			.expectHeader()
			.valueEquals(CorrelationIdFilter.HEADER, "my-request-1");
		this.client.get()
			.uri("/api/ping")
			.header(CorrelationIdFilter.HEADER, "not valid!")
			.exchange()
			.expectHeader()
			.value(CorrelationIdFilter.HEADER, (id) -> assertThat(id).matches("[0-9a-f]{8}"));
	}

	@Test
	void prometheusShowsTheGaugesThatTeach() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("asyncio_db_permits_held", "asyncio_db_gate_open",
					"asyncio_tasks_pending", "asyncio_offload_blocking_running", "r2dbc_pool_acquired_connections",
					"jvm_threads_live_threads"));
	}

	@Test
	void infoHasTheBuild() {
		this.client.get()
			.uri("/actuator/info")
			.exchange()
			.expectBody()
			.jsonPath("$.build.artifact")
			.isEqualTo("asyncio-learn");
	}

}
