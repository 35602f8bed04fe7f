package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.system.CorrelationId;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
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
	ApiProblem unavailable(Exception ex, ServerWebExchange exchange) {
		CorrelationId.log(exchange, () -> logger.warn("Database unavailable: " + ex.getMessage()));
		return ApiProblem.unavailable("Database unavailable",
				"The database cannot be reached right now; the service reconnects by itself once it is back.",
				Duration.ofSeconds(5));
	}

}
