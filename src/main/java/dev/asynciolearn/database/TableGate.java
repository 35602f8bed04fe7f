package dev.asynciolearn.database;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.sync.ReactiveEvent;
import dev.asynciolearn.system.ApiProblem;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * {@code table_ready = asyncio.Event()}: closed at start; the start-up job {@code set()}s
 * it once the table exists, and every operation on the table first does
 * {@code await table_ready.wait()}. Waiting holds no thread.
 * <p>
 * The difference that matters: an asyncio waiter waits forever unless wrapped in
 * {@code wait_for}; here every wait is bounded, and past the limit the request answers
 * 503 with {@code Retry-After} instead of hanging.
 */
@Component
class TableGate {

	private final ReactiveEvent ready = new ReactiveEvent();

	private final Duration waitLimit;

	private final Instant closedSince = Instant.now();

	private final AtomicInteger waiting = new AtomicInteger();

	private final AtomicInteger released = new AtomicInteger();

	private volatile @Nullable Instant openedAt;

	private volatile boolean createdTable;

	TableGate(DatabaseProperties properties) {
		this.waitLimit = properties.gateWaitLimit();
	}

	/**
	 * {@code await table_ready.wait()}, bounded by the wait limit.
	 * @return completes when the gate is open; a {@code 503} {@link ApiProblem} after the
	 * wait limit
	 */
	Mono<Void> await() {
		return Mono.defer(() -> {
			if (this.ready.isSet()) {
				return Mono.empty();
			}
			this.waiting.incrementAndGet();
			return this.ready.await().doOnSuccess((done) -> {
				this.waiting.decrementAndGet();
				this.released.incrementAndGet();
			})
				.doOnCancel(this.waiting::decrementAndGet)
				.timeout(this.waitLimit, Mono.error(() -> closed(this.waitLimit)));
		});
	}

	/**
	 * {@code table_ready.set()}: release every waiter.
	 * @param createdTable whether this instance created the table (rather than finding
	 * it)
	 */
	void open(boolean createdTable) {
		this.createdTable = createdTable;
		this.openedAt = Instant.now();
		this.ready.set();
	}

	boolean isOpen() {
		return this.ready.isSet();
	}

	GateState state() {
		Instant opened = this.openedAt;
		return new GateState(this.ready.isSet(), this.closedSince, opened,
				(opened != null) ? Duration.between(this.closedSince, opened).toMillis() : null, this.createdTable,
				this.waiting.get(), this.released.get());
	}

	/**
	 * The gate did not open within the wait limit.
	 */
	static ApiProblem closed(Duration waited) {
		return ApiProblem.unavailable("Table not ready",
				"Waited " + waited.toMillis()
						+ " ms for the start-up job to create the table (await event.wait()); try again shortly.",
				Duration.ofSeconds(2));
	}

	/**
	 * What {@code GET /api/db/gate} answers.
	 *
	 * @param open whether the table is ready
	 * @param closedSince when the app started with the gate closed
	 * @param openedAt when it opened, if it has
	 * @param closedForMs how long it stayed closed, once open
	 * @param tableCreatedByThisInstance whether this instance created the table (another
	 * instance may have)
	 * @param waiting requests waiting for it now
	 * @param released requests that waited and were let through when it opened
	 */
	record GateState(boolean open, Instant closedSince, @Nullable Instant openedAt, @Nullable Long closedForMs,
			boolean tableCreatedByThisInstance, int waiting, int released) {
	}

}
