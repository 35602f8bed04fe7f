package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.sync.ReactiveSemaphore;
import dev.asynciolearn.sync.ReactiveSemaphore.Permit;
import dev.asynciolearn.system.ApiProblem;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.pool.PoolAcquireTimeoutException;

import org.springframework.r2dbc.connection.DelegatingConnectionFactory;

/**
 * Hands out connections from the pool only to holders of a permit of the app-wide
 * semaphore: the database allows {@code permits} connections at once, whatever the pool
 * could give.
 */
final class PermitConnectionFactory extends DelegatingConnectionFactory {

	private static final Log logger = LogFactory.getLog(PermitConnectionFactory.class);

	private final ReactiveSemaphore permits;

	private final Duration waitLimit;

	PermitConnectionFactory(ConnectionFactory pool, ReactiveSemaphore permits, Duration waitLimit) {
		super(pool);
		this.permits = permits;
		this.waitLimit = waitLimit;
	}

	@Override
	public Mono<Connection> create() {
		return this.permits.acquire(this.waitLimit)
			.onErrorMap(PoolAcquireTimeoutException.class, (ex) -> noPermit(this.waitLimit))
			.flatMap(this::connectionFor)
			// A connection that reaches a caller who has already gone is closed, which
			// returns its permit.
			.doOnDiscard(Connection.class, PermitConnectionFactory::closeInBackground);
	}

	/**
	 * Pair the permit with a pooled connection. The permit belongs to whoever wins the
	 * race between the connection arriving and the caller cancelling: the connection
	 * (released when it is closed) or the cancellation (released at once, and a
	 * connection that still arrives is returned to the pool without its permit ever being
	 * reused twice). That return happens there and then: a {@code close()} chained after
	 * the cancel would be cancelled with it, and the pool would count the connection as
	 * acquired for ever.
	 */
	private Mono<Connection> connectionFor(Permit permit) {
		AtomicBoolean claimed = new AtomicBoolean();
		return Mono.from(getTargetConnectionFactory().create()).<Connection>handle((connection, sink) -> {
			if (claimed.compareAndSet(false, true)) {
				sink.next(PermitConnection.of(connection, permit));
			}
			else {
				closeInBackground(connection);
			}
		}).onErrorResume((ex) -> permit.release().then(Mono.error(ex))).doOnCancel(() -> {
			if (claimed.compareAndSet(false, true)) {
				permit.release().subscribe(null, PermitConnectionFactory::closeFailed);
			}
		});
	}

	private static void closeInBackground(Connection connection) {
		Mono.from(connection.close()).subscribe(null, PermitConnectionFactory::closeFailed);
	}

	/**
	 * A connection closed or a permit released in the background failed: there is no
	 * caller left to tell, so the log says it.
	 */
	private static void closeFailed(Throwable error) {
		logger.warn("Giving back a connection nobody took failed: " + error);
	}

	/**
	 * No permit of the app-wide connection semaphore came free within the wait limit.
	 */
	static ApiProblem noPermit(Duration waited) {
		return ApiProblem.unavailable("No database connection available",
				"Waited " + waited.toMillis()
						+ " ms for one of the app's database connection permits (asyncio.Semaphore); all stayed busy.",
				Duration.ofSeconds(1));
	}

}
