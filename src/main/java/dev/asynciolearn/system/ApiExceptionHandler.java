package dev.asynciolearn.system;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.bind.support.WebExchangeBindException;

/**
 * Every error as {@code application/problem+json}. Bad input names the parameter, what it
 * got and what it allows, so a learner can fix the request without reading code.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = parameterName(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(Map.of("parameter", name, "detail",
						sentence(name, error.getDefaultMessage(), String.valueOf(result.getArgument()))));
			}
		}
		if (errors.isEmpty()) {
			return super.handleHandlerMethodValidationException(ex, headers, status, exchange);
		}
		Map<String, Object> first = errors.get(0);
		ProblemDetail problem = badRequest((String) first.get("parameter"), (String) first.get("detail"));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (FieldError error : ex.getFieldErrors()) {
			errors.add(Map.of("parameter", error.getField(), "detail", "Field '" + error.getField() + "' "
					+ error.getDefaultMessage() + "; got '" + abbreviate(error.getRejectedValue()) + "'."));
		}
		if (errors.isEmpty()) {
			return super.handleWebExchangeBindException(ex, headers, status, exchange);
		}
		Map<String, Object> first = errors.get(0);
		ProblemDetail problem = badRequest((String) first.get("parameter"), (String) first.get("detail"));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		MethodParameter parameter = ex.getMethodParameter();
		String rule = (parameter != null) ? rule(parameter) : null;
		String detail = "Parameter '" + ex.getName() + "' is required" + ((rule != null) ? ": " + rule + "." : ".");
		return handleExceptionInternal(ex, badRequest(ex.getName(), detail), headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		MethodParameter parameter = ex.getMethodParameter();
		if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
			return handleExceptionInternal(ex,
					badRequest("body", "The request body is missing or is not valid JSON for this endpoint."), headers,
					status, exchange);
		}
		if (parameter == null || !(ex.getCause() instanceof TypeMismatchException mismatch)) {
			return super.handleServerWebInputException(ex, headers, status, exchange);
		}
		String name = parameterName(parameter);
		String rule = rule(parameter);
		String detail = sentence(name,
				(rule != null) ? rule : "must be a " + parameter.getParameterType().getSimpleName(),
				String.valueOf(mismatch.getValue()));
		return handleExceptionInternal(ex, badRequest(name, detail), headers, status, exchange);
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

	private static ProblemDetail badRequest(String parameter, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request parameter");
		problem.setProperty("parameter", parameter);
		return problem;
	}

	private static String sentence(String name, @Nullable String rule, String got) {
		return "Parameter '" + name + "' " + rule + "; got '" + abbreviate(got) + "'.";
	}

	private static String abbreviate(@Nullable Object value) {
		String text = String.valueOf(value);
		return (text.length() <= 60) ? text : text.substring(0, 57) + "...";
	}

	private static String parameterName(MethodParameter parameter) {
		String name = parameter.getParameterName();
		return (name != null) ? name : "argument " + parameter.getParameterIndex();
	}

	/**
	 * What the parameter's constraints allow, in words, for the cases where the validator
	 * never ran (the value did not even convert).
	 */
	private static @Nullable String rule(MethodParameter parameter) {
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			if (annotation instanceof Range range) {
				return "must be an integer between " + range.min() + " and " + range.max();
			}
			if (annotation instanceof Pattern pattern) {
				return pattern.message();
			}
		}
		Class<?> type = parameter.getParameterType();
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (type.isEnum()) {
			return "must be one of " + String.join(", ",
					java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
		}
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			return "must be an integer";
		}
		return null;
	}

}
