package dev.asynciolearn.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void aClientThatHungUpGetsNoAnswerAndNoStackTrace(CapturedOutput output) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/offload/io"));
		StepVerifier
			.create(this.handler
				.handleUnexpected(new AbortedException("Connection has been closed BEFORE send operation"), exchange))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(output.getOut()).doesNotContain("AbortedException", "ERROR");
	}

	@Test
	void anythingElseIsLoggedWholeAndAnsweredWithoutInternals(CapturedOutput output) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/anything"));
		exchange.getAttributes().put(CorrelationIdFilter.KEY, "bug-1");
		StepVerifier.create(this.handler.handleUnexpected(new IllegalStateException("secret detail"), exchange))
			.assertNext((response) -> {
				assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
				assertThat(String.valueOf(response.getBody())).doesNotContain("secret detail");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(output.getOut()).contains("Request GET /api/anything failed", "secret detail");
	}

}
