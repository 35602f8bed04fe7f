package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

/**
 * {@code asyncio.Semaphore(n)} with {@code async with sem:} as a non-blocking, FIFO-fair
 * semaphore built on reactor-pool: a pool of {@code n} tokens, where acquiring a token is
 * acquiring a permit.
 * <p>
 * The difference that matters: an asyncio waiter is a suspended coroutine; here it is a
 * pending subscription, so a waiter that is cancelled (a client hangs up) simply leaves
 * the queue, and a permit held by cancelled work is given back by
 * {@link #withPermit(Supplier)} exactly once. No thread ever blocks.
 */
public final class ReactiveSemaphore {

	private final int permits;

	private final InstrumentedPool<Token> pool;

	private final AtomicInteger held = new AtomicInteger();

	private final AtomicInteger peakHeld = new AtomicInteger();

	public ReactiveSemaphore(int permits) {
		if (permits < 1) {
			throw new IllegalArgumentException("permits must be at least 1, got " + permits);
		}
		this.permits = permits;
		this.pool = PoolBuilder.from(Mono.fromSupplier(Token::new))
			.sizeBetween(0, permits)
			.maxPendingAcquireUnbounded()
			.buildPool();
	}

	/**
	 * Wait (without blocking) for a permit. The caller must {@link Permit#release()} it;
	 * prefer {@link #withPermit(Supplier)}.
	 * @param timeout how long to wait in the queue at most; {@link Duration#ZERO} waits
	 * forever
	 * @return the permit, once granted; a
	 * {@code reactor.pool.PoolAcquireTimeoutException} after the timeout
	 */
	public Mono<Permit> acquire(Duration timeout) {
		return this.pool.acquire(timeout).map((ref) -> {
			int now = this.held.incrementAndGet();
			this.peakHeld.accumulateAndGet(now, Math::max);
			return new Permit(ref, now);
		});
	}

	/**
	 * {@code async with sem: await work()}: run {@code work} holding a permit, released
	 * on completion, error and cancellation.
	 * @param <T> the work's result
	 * @param work the work, subscribed once the permit is held
	 * @return the work's result
	 */
	public <T> Mono<T> withPermit(Supplier<Mono<T>> work) {
		return Mono.usingWhen(acquire(Duration.ZERO), (permit) -> work.get(), Permit::release,
				(permit, error) -> permit.release(), Permit::release);
	}

	/** The number of permits. */
	public int permits() {
		return this.permits;
	}

	/** Permits held right now. */
	public int held() {
		return this.held.get();
	}

	/** Callers waiting for a permit right now. */
	public int waiting() {
		return this.pool.metrics().pendingAcquireSize();
	}

	/** The most permits ever held at once. */
	public int peakHeld() {
		return this.peakHeld.get();
	}

	/**
	 * A held permit.
	 */
	public final class Permit {

		private final PooledRef<Token> ref;

		private final int heldWhenAcquired;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(PooledRef<Token> ref, int heldWhenAcquired) {
			this.ref = ref;
			this.heldWhenAcquired = heldWhenAcquired;
		}

		/**
		 * How many permits were held, this one included, when it was granted.
		 * @return the count at acquisition
		 */
		public int heldWhenAcquired() {
			return this.heldWhenAcquired;
		}

		/**
		 * Give the permit back; only the first call does anything.
		 * @return completes once the permit is back
		 */
		public Mono<Void> release() {
			return Mono.defer(() -> {
				if (!this.released.compareAndSet(false, true)) {
					return Mono.empty();
				}
				ReactiveSemaphore.this.held.decrementAndGet();
				return this.ref.release();
			});
		}

	}

	private static final class Token {

	}

}
