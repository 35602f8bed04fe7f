package dev.asynciolearn.offload;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No regular file of that name inside the data folder (or it resolves to a place outside
 * it).
 */
class DataFileNotFoundException extends ErrorResponseException {

	DataFileNotFoundException(String name) {
		super(HttpStatus.NOT_FOUND, problem(name), null);
	}

	private static ProblemDetail problem(String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"Parameter 'name': no file named '" + name
						+ "' in the data folder; GET /api/offload/files lists the files there");
		problem.setTitle("File not found");
		problem.setProperty("parameter", "name");
		return problem;
	}

}
