package dev.asynciolearn.system;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A {@code 503} with {@code Retry-After}: the request waited as long as it may for
 * something that is not there yet.
 */
public class UnavailableException extends ErrorResponseException {

	private final HttpHeaders headers = new HttpHeaders();

	public UnavailableException(String title, String detail, Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(title, detail), null);
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle(title);
		return problem;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
