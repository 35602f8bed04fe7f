package dev.asynciolearn.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No task with that id (never created, or finished long enough ago to be forgotten).
 */
class TaskNotFoundException extends ErrorResponseException {

	TaskNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(long id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Parameter 'id': no task " + id
				+ "; finished tasks are forgotten after a while. GET /api/tasks lists them.");
		problem.setTitle("Task not found");
		problem.setProperty("parameter", "id");
		return problem;
	}

}
