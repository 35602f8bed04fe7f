package dev.asynciolearn.system;

import java.time.Duration;

import ch.qos.logback.classic.LoggerContext;
import dev.asynciolearn.IntegrationTest;
import io.micrometer.common.KeyValue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
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
			.valueEquals(CorrelationIdFilter.HEADER, "my-request-1")
			.expectBody();
		this.client.get()
			.uri("/api/ping")
			.header(CorrelationIdFilter.HEADER, "not valid!")
			.exchange()
			.expectHeader()
			.value(CorrelationIdFilter.HEADER, (id) -> assertThat(id).matches("[0-9a-f]{8}"))
			.expectBody();
	}

	@Test
	void theRequestLogLineCarriesTheCorrelationId(CapturedOutput output) {
		this.client.get()
			.uri("/api/offload/io?delayMs=5")
			.header(CorrelationIdFilter.HEADER, "log-me-42")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(output.getOut()).containsPattern("\\[log-me-42\\] .*GET /api/offload/io -> 200"));
	}

	@Test
	void prometheusShowsTheGaugesThatTeach() {
		this.client.get().uri("/api/ping").exchange().expectStatus().isOk().expectBody();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body)
				.contains("asyncio_db_permits_held", "asyncio_db_gate_open", "asyncio_tasks_pending",
						"asyncio_offload_blocking_running", "r2dbc_pool_acquired_connections",
						"jvm_threads_live_threads", "http_server_requests_seconds_count")
				.doesNotContain("http_server_requests_active"));
	}

	@Test
	void requestObservationsKeepTheirTagsButNotTheFullUrl(@Autowired ServerRequestObservationConvention convention) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/offload/io?delayMs=5"));
		ServerRequestObservationContext context = new ServerRequestObservationContext(exchange.getRequest(),
				exchange.getResponse(), exchange.getAttributes());
		assertThat(convention.getName()).isEqualTo("http.server.requests");
		assertThat(convention.getLowCardinalityKeyValues(context)).extracting(KeyValue::getKey)
			.contains("method", "uri", "status", "outcome");
		assertThat(convention.getHighCardinalityKeyValues(context)).isEmpty();
	}

	@Test
	void logEventsAreCountedWithoutATurboFilterThatEveryLevelCheckWouldAsk() {
		this.client.get()
			.uri("/actuator/metrics/logback.events?tag=level:warn")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.exists();
		assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
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
