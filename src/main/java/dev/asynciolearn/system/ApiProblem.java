package dev.asynciolearn.system;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Every answer that is not a result: {@code application/problem+json} with a title, a
 * detail a learner can act on, the parameter at fault when there is one, and
 * {@code Retry-After} when trying again later will help.
 */
public final class ApiProblem extends ErrorResponseException {

	private final HttpHeaders headers = new HttpHeaders();

	private ApiProblem(HttpStatus status, String title, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
		getBody().setTitle(title);
	}

	/**
	 * A {@code 400}: parameters out of their range, of the wrong type, missing, or wrong
	 * together.
	 * @param errors what is wrong, the first of which the problem is about
	 * @return the problem
	 */
	public static ApiProblem badRequest(List<InvalidParameter> errors) {
		InvalidParameter first = errors.get(0);
		ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request parameter", first.detail());
		problem.getBody().setProperty("parameter", first.parameter());
		problem.getBody().setProperty("errors", errors);
		return problem;
	}

	/**
	 * A {@code 404}: the parameter names nothing that exists.
	 * @param title what was not found
	 * @param parameter the parameter that named it
	 * @param detail what to do about it
	 * @return the problem
	 */
	public static ApiProblem notFound(String title, String parameter, String detail) {
		ApiProblem problem = new ApiProblem(HttpStatus.NOT_FOUND, title, detail);
		problem.getBody().setProperty("parameter", parameter);
		return problem;
	}

	/**
	 * A {@code 409}: the resource is in a state that refuses the request for good
	 * (retrying will not help).
	 * @param title which state
	 * @param detail why
	 * @return the problem
	 */
	public static ApiProblem conflict(String title, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, title, detail);
	}

	/**
	 * A {@code 429} with {@code Retry-After}: a limit shared with other clients is
	 * reached.
	 * @param title which limit
	 * @param detail what to do about it
	 * @param retryAfter when trying again is likely to work
	 * @return the problem
	 */
	public static ApiProblem tooManyRequests(String title, String detail, Duration retryAfter) {
		return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, title, detail).retryAfter(retryAfter);
	}

	/**
	 * A {@code 503} with {@code Retry-After}: the request waited as long as it may for
	 * something that is not there yet.
	 * @param title what is missing
	 * @param detail how long it waited, for what
	 * @param retryAfter when trying again is likely to work
	 * @return the problem
	 */
	public static ApiProblem unavailable(String title, String detail, Duration retryAfter) {
		return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, title, detail).retryAfter(retryAfter);
	}

	/**
	 * A {@code 501}: the server has the route but not the code behind it yet, such as a
	 * workbook exercise the learner has not written.
	 * @param title what is missing
	 * @param detail how to supply it
	 * @return the problem
	 */
	public static ApiProblem notImplemented(String title, String detail) {
		return new ApiProblem(HttpStatus.NOT_IMPLEMENTED, title, detail);
	}

	private ApiProblem retryAfter(Duration retryAfter) {
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		return this;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
