package dev.asynciolearn.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A {@code 400} for a rule that one parameter annotation cannot express (a bound on a
 * combination of parameters).
 */
public class BadParameterException extends ErrorResponseException {

	public BadParameterException(String parameter, String detail) {
		super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
	}

	private static ProblemDetail problem(String parameter, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request parameter");
		problem.setProperty("parameter", parameter);
		return problem;
	}

}
