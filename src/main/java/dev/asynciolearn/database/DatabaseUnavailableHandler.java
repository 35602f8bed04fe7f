package dev.asynciolearn.database;

import dev.asynciolearn.system.CorrelationId;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * PostgreSQL cannot be reached (stopped, restarting, refusing connections, too slow to
 * connect): a {@code 503} with {@code Retry-After}, quickly, rather than a hang or a
 * {@code 500}. The pool reconnects by itself once it is back.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableHandler {

	private static final Log logger = LogFactory.getLog(DatabaseUnavailableHandler.class);

	@ExceptionHandler({ R2dbcNonTransientResourceException.class, R2dbcTransientResourceException.class,
			R2dbcTimeoutException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class })
	Mono<ResponseEntity<ProblemDetail>> unavailable(Exception ex, ServerWebExchange exchange) {
		CorrelationId.log(exchange, () -> logger.warn("Database unavailable: " + ex.getMessage()));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database cannot be reached right now; the service reconnects by itself once it is back.");
		problem.setTitle("Database unavailable");
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem));
	}

}
