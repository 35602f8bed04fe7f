package dev.asynciolearn.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The registry already holds as many pending tasks as it may.
 */
class TooManyTasksException extends ErrorResponseException {

	TooManyTasksException(int limit) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(limit), null);
	}

	private static ProblemDetail problem(int limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, limit
				+ " tasks are pending already, the most this service runs at once; cancel some or wait for them.");
		problem.setTitle("Too many pending tasks");
		return problem;
	}

}
