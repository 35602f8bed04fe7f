package dev.asynciolearn.system;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class SystemIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void pingAnswersPong() {
		this.client.get().uri("/api/ping").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("pong");
	}

	@Test
	void anUnknownPathIsAProblemToo() {
		this.client.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void onlyHealthAndInfoAreExposed() {
		this.client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/info").exchange().expectStatus().isOk();
	}

}
