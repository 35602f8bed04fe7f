package dev.asynciolearn.database;

import dev.asynciolearn.sync.ReactiveSemaphore;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * {@code db = asyncio.Semaphore(10)}, then {@code async with db: ...} around every
 * connection: the one way the app's code reaches PostgreSQL. Its {@link #client()} and
 * {@link #transactional()} take connections only through the app-wide
 * {@link ReactiveSemaphore}, so however many callers arrive, at most {@code permits}
 * connections are in use.
 * <p>
 * The pool behind it is deliberately larger than the permits, so that the semaphore, not
 * the pool, is the limit you see. Boot's health check uses the pool directly: a long
 * queue of demo callers must not make the app look dead.
 */
@Component
class LimitedDatabase {

	private static final Log logger = LogFactory.getLog(LimitedDatabase.class);

	private final ConnectionFactory pool;

	private final ReactiveSemaphore permits;

	private final ConnectionFactory connections;

	private final DatabaseClient client;

	private final TransactionalOperator transactional;

	LimitedDatabase(ConnectionFactory pool, DatabaseProperties properties) {
		this.pool = pool;
		this.permits = new ReactiveSemaphore(properties.permits());
		this.connections = new PermitConnectionFactory(pool, this.permits, properties.permitWaitLimit());
		this.client = DatabaseClient.create(this.connections);
		this.transactional = TransactionalOperator.create(new R2dbcTransactionManager(this.connections));
		int poolMax = poolMetrics().map(PoolMetrics::getMaxAllocatedSize).orElse(Integer.MAX_VALUE);
		if (poolMax <= properties.permits()) {
			logger.warn("The R2DBC pool (max " + poolMax + ") is not larger than the connection permits ("
					+ properties.permits() + "): the pool, not the semaphore, will be the limit");
		}
	}

	/** Connections, each holding a permit until it is closed. */
	ConnectionFactory connections() {
		return this.connections;
	}

	/** A {@link DatabaseClient} whose every connection holds a permit. */
	DatabaseClient client() {
		return this.client;
	}

	/** Transactions on connections that hold a permit. */
	TransactionalOperator transactional() {
		return this.transactional;
	}

	/** The app-wide semaphore. */
	ReactiveSemaphore permits() {
		return this.permits;
	}

	/**
	 * The pool itself, outside the semaphore: only for the observer that watches
	 * {@code pg_stat_activity} while the semaphore is full (it would otherwise queue
	 * behind the very callers it counts).
	 */
	ConnectionFactory unlimited() {
		return this.pool;
	}

	/** The pool's own counters, when the app runs on r2dbc-pool. */
	java.util.Optional<PoolMetrics> poolMetrics() {
		return (this.pool instanceof ConnectionPool connectionPool) ? connectionPool.getMetrics()
				: java.util.Optional.empty();
	}

}
