package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.sync.ReactiveSemaphore.Permit;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pooled connection that holds a permit of the app-wide semaphore; closing it returns
 * both, exactly once.
 */
final class PermitConnection implements Connection, Wrapped<Connection> {

	private final Connection delegate;

	private final Permit permit;

	private final AtomicBoolean closed = new AtomicBoolean();

	PermitConnection(Connection delegate, Permit permit) {
		this.delegate = delegate;
		this.permit = permit;
	}

	@Override
	public Mono<Void> close() {
		return Mono.defer(() -> {
			if (!this.closed.compareAndSet(false, true)) {
				return Mono.empty();
			}
			// The permit goes back even when closing the connection fails.
			return Flux.concatDelayError(this.delegate.close(), this.permit.release()).then();
		});
	}

	@Override
	public Connection unwrap() {
		return this.delegate;
	}

	@Override
	public Publisher<Void> beginTransaction() {
		return this.delegate.beginTransaction();
	}

	@Override
	public Publisher<Void> beginTransaction(TransactionDefinition definition) {
		return this.delegate.beginTransaction(definition);
	}

	@Override
	public Publisher<Void> commitTransaction() {
		return this.delegate.commitTransaction();
	}

	@Override
	public Batch createBatch() {
		return this.delegate.createBatch();
	}

	@Override
	public Publisher<Void> createSavepoint(String name) {
		return this.delegate.createSavepoint(name);
	}

	@Override
	public Statement createStatement(String sql) {
		return this.delegate.createStatement(sql);
	}

	@Override
	public boolean isAutoCommit() {
		return this.delegate.isAutoCommit();
	}

	@Override
	public ConnectionMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public IsolationLevel getTransactionIsolationLevel() {
		return this.delegate.getTransactionIsolationLevel();
	}

	@Override
	public Publisher<Void> releaseSavepoint(String name) {
		return this.delegate.releaseSavepoint(name);
	}

	@Override
	public Publisher<Void> rollbackTransaction() {
		return this.delegate.rollbackTransaction();
	}

	@Override
	public Publisher<Void> rollbackTransactionToSavepoint(String name) {
		return this.delegate.rollbackTransactionToSavepoint(name);
	}

	@Override
	public Publisher<Void> setAutoCommit(boolean autoCommit) {
		return this.delegate.setAutoCommit(autoCommit);
	}

	@Override
	public Publisher<Void> setLockWaitTimeout(Duration timeout) {
		return this.delegate.setLockWaitTimeout(timeout);
	}

	@Override
	public Publisher<Void> setStatementTimeout(Duration timeout) {
		return this.delegate.setStatementTimeout(timeout);
	}

	@Override
	public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
		return this.delegate.setTransactionIsolationLevel(level);
	}

	@Override
	public Publisher<Boolean> validate(ValidationDepth depth) {
		return this.delegate.validate(depth);
	}

}
