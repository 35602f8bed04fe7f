package dev.asynciolearn.system;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.actuate.endpoint.web.WebFluxEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SystemIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ApplicationContext context;

	@Test
	void pingAnswersPong() {
		this.client.get()
			.uri("/api/ping")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.isEqualTo("pong");
		// "pong" is no JSON document, so it is never labelled as one.
		this.client.get()
			.uri("/api/ping")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectBody();
	}

	@Test
	void anUnknownPathIsAProblemToo() {
		this.client.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

	@Test
	void onlyHealthAndInfoAreExposed() {
		this.client.get().uri("/actuator/env").exchange().expectStatus().isNotFound().expectBody();
		this.client.get().uri("/actuator/info").exchange().expectStatus().isOk().expectBody();
	}

	@Test
	void theApplicationsRoutesAreLookedUpBeforeActuatorsAndBothAnswer() {
		List<HandlerMapping> mappings = this.context.getBeansOfType(HandlerMapping.class)
			.values()
			.stream()
			.sorted(AnnotationAwareOrderComparator.INSTANCE)
			.toList();
		assertThat(mappings).map(Object::getClass)
			.containsSubsequence(RequestMappingConfiguration.ApplicationRoutesFirst.class,
					WebFluxEndpointHandlerMapping.class);
		assertThat(mappings.get(0)).isInstanceOf(RequestMappingHandlerMapping.class);
		this.client.get().uri("/api/ping").exchange().expectStatus().isOk().expectBody();
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody();
		this.client.post().uri("/api/ping").exchange().expectStatus().isEqualTo(405).expectBody();
	}

}
