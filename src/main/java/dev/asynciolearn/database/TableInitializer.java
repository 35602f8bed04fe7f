package dev.asynciolearn.database;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The start-up job that creates the table and then sets the gate, like the task in the
 * study notes that creates the table before calling {@code event.set()}. It runs after
 * the web server has started, so requests that arrive meanwhile are accepted and wait on
 * the gate.
 * <p>
 * Safe when several instances start at once against one database: creation happens in a
 * transaction holding a PostgreSQL advisory lock, so exactly one instance creates the
 * table and the others find it. A database that is not reachable yet is retried with
 * backoff; the gate stays closed meanwhile.
 */
@Component
class TableInitializer implements SmartLifecycle {

	static final String TABLE = "demo_record";

	private static final Log logger = LogFactory.getLog(TableInitializer.class);

	private final LimitedDatabase database;

	private final TableGate gate;

	private final Duration delay;

	private volatile @Nullable Disposable job;

	TableInitializer(LimitedDatabase database, TableGate gate, DatabaseProperties properties) {
		this.database = database;
		this.gate = gate;
		this.delay = properties.tableCreationDelay();
	}

	@Override
	public void start() {
		logger.info("Table gate closed: " + TABLE + " will be created in " + this.delay.toMillis()
				+ " ms; requests that need it wait meanwhile");
		this.job = Mono.delay(this.delay)
			.then(createTableOnce())
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
				.maxBackoff(Duration.ofSeconds(10))
				.doBeforeRetry((signal) -> logger.warn("Could not create " + TABLE + " (attempt "
						+ (signal.totalRetries() + 1) + "), retrying: " + signal.failure().getMessage())))
			.subscribe((created) -> {
				this.gate.open(created);
				logger.info("Table gate open: " + TABLE + (created ? " created" : " was already there")
						+ ", waiting requests released");
			}, (error) -> logger.error("Table gate stays closed", error));
	}

	/**
	 * Lock, look, create if missing, commit: the lock is released with the transaction.
	 * @return whether this call created the table
	 */
	Mono<Boolean> createTableOnce() {
		var client = this.database.client();
		return client.sql("SELECT pg_advisory_xact_lock(hashtext('asyncio-learn." + TABLE + "'))")
			.then()
			.then(client.sql("SELECT to_regclass('" + TABLE + "') IS NOT NULL AS present")
				.map((row) -> row.get("present", Boolean.class))
				.one())
			.flatMap((present) -> Boolean.TRUE
				.equals(present)
						? Mono.just(false)
						: client.sql("CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, payload text NOT NULL, "
								+ "created_at timestamptz NOT NULL DEFAULT now())")
							.then()
							.thenReturn(true))
			.as(this.database.transactional()::transactional);
	}

	@Override
	public void stop() {
		Disposable running = this.job;
		if (running != null) {
			running.dispose();
		}
		this.job = null;
	}

	@Override
	public boolean isRunning() {
		return this.job != null;
	}

}
