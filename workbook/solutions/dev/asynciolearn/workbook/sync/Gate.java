package dev.asynciolearn.workbook.sync;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The reference solution of the {@code Event} exercise (the statement is in
 * {@code workbook/exercises}).
 * <p>
 * A {@link Sinks#empty()} is a future that completes once and replays its completion to
 * every subscriber, early or late: every waiter goes on at {@code set()}, and later ones
 * at once. It cannot be un-completed, so {@code clear()} puts a new one in its place.
 * {@link Mono#defer} picks the sink when a waiter subscribes, not when {@code waitFor()}
 * is called. The lock only guards the two fields; the waiters are released outside it.
 */
public class Gate {

	private Sinks.Empty<Void> opened = Sinks.empty();

	private boolean set;

	/**
	 * {@code await event.wait()}.
	 * @return completes when the gate is set (at once if it already is)
	 */
	public Mono<Void> waitFor() {
		return Mono.defer(() -> current().asMono());
	}

	/**
	 * {@code event.set()}: release every waiter, and every later one until
	 * {@link #clear()}.
	 */
	public void set() {
		Sinks.Empty<Void> toOpen;
		synchronized (this) {
			if (this.set) {
				return;
			}
			this.set = true;
			toOpen = this.opened;
		}
		toOpen.tryEmitEmpty();
	}

	/**
	 * {@code event.clear()}: later waiters wait again.
	 */
	public synchronized void clear() {
		if (this.set) {
			this.set = false;
			this.opened = Sinks.empty();
		}
	}

	/**
	 * {@code event.is_set()}.
	 * @return whether the gate is set
	 */
	public synchronized boolean isSet() {
		return this.set;
	}

	private synchronized Sinks.Empty<Void> current() {
		return this.opened;
	}

}
