package dev.asynciolearn.database;

import java.time.Duration;

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
			.flatMap((permit) -> Mono.from(this.pool.create())
				.<Connection>map((connection) -> new PermitConnection(connection, permit))
				.onErrorResume((ex) -> permit.release().then(Mono.error(ex)))
				.doOnCancel(() -> permit.release().subscribe()))
			// A connection or a permit that arrives after the caller cancelled is given
			// back, not leaked.
			.doOnDiscard(Connection.class, (connection) -> Mono.from(connection.close()).subscribe())
			.doOnDiscard(Permit.class, (permit) -> permit.release().subscribe());
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
