package dev.asynciolearn.workbook.sync;

import java.util.ArrayDeque;
import java.util.Deque;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The reference solution of the {@code Queue} exercise (the statement is in
 * {@code workbook/exercises}).
 * <p>
 * asyncio's own design: the items, plus two lines of waiters, each a
 * {@link Sinks#empty()} (a future). A {@code put} that finds the queue full joins the
 * putters' line; a {@code get} that takes an item wakes the first putter, who tries
 * again; and the other way round for getters. The lock guards only the three lines; the
 * woken waiter carries on outside it. {@link Mono#defer} looks at the queue when a caller
 * subscribes, as {@code await} does.
 *
 * @param <T> the items
 */
public class BoundedQueue<T> {

	private final int maxsize;

	private final Deque<T> items = new ArrayDeque<>();

	private final Deque<Sinks.Empty<Void>> getters = new ArrayDeque<>();

	private final Deque<Sinks.Empty<Void>> putters = new ArrayDeque<>();

	/**
	 * {@code asyncio.Queue(maxsize)}.
	 * @param maxsize the most items it holds; {@code put} waits beyond
	 */
	public BoundedQueue(int maxsize) {
		if (maxsize < 1) {
			throw new IllegalArgumentException("maxsize must be at least 1, got " + maxsize);
		}
		this.maxsize = maxsize;
	}

	/**
	 * {@code await queue.put(item)}.
	 * @param item the item
	 * @return completes once the item is in the queue: at once while there is room
	 */
	public Mono<Void> put(T item) {
		return Mono.defer(() -> {
			Sinks.Empty<Void> woken = null;
			Sinks.Empty<Void> waiter = null;
			synchronized (this) {
				if (this.items.size() < this.maxsize) {
					this.items.addLast(item);
					woken = this.getters.pollFirst();
				}
				else {
					waiter = Sinks.empty();
					this.putters.addLast(waiter);
				}
			}
			if (waiter != null) {
				return waitInLine(waiter, this.putters).then(put(item));
			}
			wakeUp(woken);
			return Mono.empty();
		});
	}

	/**
	 * {@code await queue.get()}.
	 * @return the oldest item, once there is one
	 */
	public Mono<T> get() {
		return Mono.defer(() -> {
			T item;
			Sinks.Empty<Void> woken = null;
			Sinks.Empty<Void> waiter = null;
			synchronized (this) {
				item = this.items.pollFirst();
				if (item != null) {
					woken = this.putters.pollFirst();
				}
				else {
					waiter = Sinks.empty();
					this.getters.addLast(waiter);
				}
			}
			if (waiter != null) {
				return waitInLine(waiter, this.getters).then(get());
			}
			wakeUp(woken);
			return Mono.just(item);
		});
	}

	/**
	 * Wait to be woken. A cancelled waiter leaves its line, and passes its turn on if it
	 * had already been woken.
	 */
	private Mono<Void> waitInLine(Sinks.Empty<Void> waiter, Deque<Sinks.Empty<Void>> line) {
		return waiter.asMono().doOnCancel(() -> {
			Sinks.Empty<Void> next;
			synchronized (this) {
				next = line.remove(waiter) ? null : line.pollFirst();
			}
			wakeUp(next);
		});
	}

	private static void wakeUp(Sinks.Empty<Void> waiter) {
		if (waiter != null) {
			waiter.tryEmitEmpty();
		}
	}

}
