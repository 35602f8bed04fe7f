package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.sync.ReactiveSemaphore;
import dev.asynciolearn.sync.ReactiveSemaphore.Permit;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;
import reactor.pool.PoolAcquireTimeoutException;

/**
 * Hands out connections from the pool only to holders of a permit of the app-wide
 * semaphore: the database allows {@code permits} connections at once, whatever the pool
 * could give.
 */
final class PermitConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory> {

	private final ConnectionFactory pool;

	private final ReactiveSemaphore permits;

	private final Duration waitLimit;

	PermitConnectionFactory(ConnectionFactory pool, ReactiveSemaphore permits, Duration waitLimit) {
		this.pool = pool;
		this.permits = permits;
		this.waitLimit = waitLimit;
	}

	@Override
	public Mono<Connection> create() {
		return this.permits.acquire(this.waitLimit)
			.onErrorMap(PoolAcquireTimeoutException.class, (ex) -> new NoConnectionPermitException(this.waitLimit))
			.flatMap(this::connectionFor)
			// A connection that reaches a caller who has already gone is closed, which
			// returns its permit.
			.doOnDiscard(Connection.class, (connection) -> Mono.from(connection.close()).subscribe());
	}

	/**
	 * Pair the permit with a pooled connection. The permit belongs to whoever wins the
	 * race between the connection arriving and the caller cancelling: the connection
	 * (released when it is closed) or the cancellation (released at once, and a
	 * connection that still arrives is returned to the pool without its permit ever being
	 * reused twice).
	 */
	private Mono<Connection> connectionFor(Permit permit) {
		AtomicBoolean claimed = new AtomicBoolean();
		return Mono.from(this.pool.create())
			.flatMap((connection) -> claimed.compareAndSet(false, true)
					? Mono.<Connection>just(new PermitConnection(connection, permit))
					: Mono.from(connection.close()).then(Mono.<Connection>empty()))
			.onErrorResume((ex) -> permit.release().then(Mono.error(ex)))
			.doOnCancel(() -> {
				if (claimed.compareAndSet(false, true)) {
					permit.release().subscribe();
				}
			});
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.pool.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.pool;
	}

}
