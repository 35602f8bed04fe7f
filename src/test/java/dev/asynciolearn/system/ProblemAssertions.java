package dev.asynciolearn.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one shape every refused request has: {@code application/problem+json} with the
 * status, the parameter at fault, and a detail that names it and says what it allows.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * {@code GET uri} is refused with a {@code 400} about {@code parameter}.
	 * @param client the client
	 * @param uri the request
	 * @param parameter the parameter the problem must name
	 * @param rule words the detail must contain, e.g. {@code "between 1 and 50"}
	 */
	public static void expectProblem(WebTestClient client, String uri, String parameter, String rule) {
		expectProblem(client.get().uri(uri), HttpStatus.BAD_REQUEST, parameter, rule);
	}

	/**
	 * {@code request} is refused with {@code status} about {@code parameter}.
	 * @param request the request, ready to exchange
	 * @param status the status it must answer
	 * @param parameter the parameter the problem must name
	 * @param rule words the detail must contain
	 */
	public static void expectProblem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String parameter,
			String rule) {
		request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status.value())
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("'" + parameter + "'").contains(rule));
	}

	/**
	 * {@code request} is refused for now: {@code status} (429 or 503), with
	 * {@code Retry-After} and the problem's title.
	 * @param request the request, ready to exchange
	 * @param status the status it must answer
	 * @param title the problem's title
	 */
	public static void expectRetryLater(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status, String title) {
		request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isPositive())
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo(title);
	}

}
