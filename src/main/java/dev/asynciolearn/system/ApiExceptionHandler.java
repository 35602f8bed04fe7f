package dev.asynciolearn.system;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error as {@code application/problem+json}. Query parameters are checked where
 * they are read ({@link RequestRecordResolver}); this adds the request bodies and path
 * variables, so a learner can fix any request without reading code.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<InvalidParameter> errors = ex.getFieldErrors().stream().map(ApiExceptionHandler::invalid).toList();
		if (errors.isEmpty()) {
			return super.handleWebExchangeBindException(ex, headers, status, exchange);
		}
		return handleException(ApiProblem.badRequest(errors), exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		MethodParameter parameter = ex.getMethodParameter();
		if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
			MismatchedInputException mismatch = Causes.find(ex, MismatchedInputException.class);
			String field = (mismatch != null && !mismatch.getPath().isEmpty())
					? mismatch.getPath().get(0).getPropertyName() : null;
			if (field != null && mismatch.getTargetType() != null) {
				return handleException(ApiProblem.badRequest(List.of(new InvalidParameter(field, "The field '" + field
						+ "' must be " + jsonType(mismatch.getTargetType()) + ", as the API description says."))),
						exchange);
			}
			return handleException(ApiProblem.badRequest(List.of(new InvalidParameter("body",
					"The request 'body' is missing or is not valid JSON for this endpoint."))), exchange);
		}
		if (parameter != null && ex.getCause() instanceof TypeMismatchException mismatch) {
			String name = String.valueOf(parameter.getParameterName());
			String rule = ParameterRules.describe(parameter.getParameter(), parameter.getParameterType());
			return handleException(ApiProblem.badRequest(List.of(InvalidParameter.of(name, rule, mismatch.getValue()))),
					exchange);
		}
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

	/**
	 * Anything else is a bug or a broken dependency: log it whole, answer without
	 * internals. A client that hung up is neither: there is no one to answer, and nothing
	 * worth a stack trace.
	 */
	@ExceptionHandler(Throwable.class)
	Mono<ResponseEntity<Object>> handleUnexpected(Throwable ex, ServerWebExchange exchange) {
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			if (logger.isDebugEnabled()) {
				CorrelationId.log(exchange, () -> logger.debug("Client went away during " + request + ": " + ex));
			}
			return Mono.empty();
		}
		CorrelationId.log(exchange, () -> logger.error("Request " + request + " failed", ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request failed unexpectedly; the server log has the details.");
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		return Mono.just(ResponseEntity.internalServerError().body(problem));
	}

	/**
	 * What a JSON value for {@code type} looks like, in the learner's words.
	 */
	private static String jsonType(Class<?> type) {
		if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
			return "a whole JSON number (no quotes, no fraction, no exponent)";
		}
		if (type == String.class) {
			return "a JSON string, in quotes";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		return "a JSON value of type " + type.getSimpleName();
	}

	private static InvalidParameter invalid(FieldError error) {
		String rule = error.contains(ConstraintViolation.class)
				? ParameterRules.describe(error.unwrap(ConstraintViolation.class))
				: String.valueOf(error.getDefaultMessage());
		return InvalidParameter.field(error.getField(), rule, error.getRejectedValue());
	}

}
