package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code asyncio.Event} for threads: {@code set()} opens a {@link CountDownLatch} of one,
 * which releases every waiter at once; {@code clear()} puts a new, closed one in its
 * place, since a latch cannot be closed again.
 */
final class LatchEvent {

	private volatile CountDownLatch latch = new CountDownLatch(1);

	/** {@code event.set()}: every waiter goes on, and later ones do not wait. */
	void set() {
		this.latch.countDown();
	}

	/** {@code event.clear()}: later waiters wait for the next {@link #set()}. */
	synchronized void clear() {
		if (this.latch.getCount() == 0) {
			this.latch = new CountDownLatch(1);
		}
	}

	/**
	 * {@code await event.wait()}, blocking the calling (virtual) thread.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void await() throws InterruptedException {
		this.latch.await();
	}

	/**
	 * {@code await asyncio.wait_for(event.wait(), timeout)}, without raising.
	 * @param timeout how long to wait at most
	 * @return whether the event was set in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean await(Duration timeout) throws InterruptedException {
		return this.latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

}
