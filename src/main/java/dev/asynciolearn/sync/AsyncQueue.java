package dev.asynciolearn.sync;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.Queue;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code asyncio.Queue(maxsize)}, {@code LifoQueue} and {@code PriorityQueue}:
 * {@code await put(item)} waits while the queue is full, {@code await get()} while it is
 * empty, and neither holds a thread.
 * <p>
 * A port of asyncio's own design: the items, plus two lines of waiters (futures here are
 * {@link Sinks.Empty}); a {@code get} wakes the first waiting putter, a {@code put} the
 * first waiting getter, and a woken waiter tries again. Reactor has no such queue: its
 * answer to producers and consumers is backpressure ({@code flatMap(f, n)},
 * {@code limitRate}), where a full buffer fails or drops rather than making the producer
 * wait, and there is no LIFO or priority order. The short critical sections only move
 * references; nothing blocks inside them.
 *
 * @param <T> the items
 */
public final class AsyncQueue<T> {

	/** Which item {@code get()} takes. */
	public enum Kind {

		/** First in, first out: {@code asyncio.Queue}. */
		FIFO,
		/** Last in, first out: {@code asyncio.LifoQueue}. */
		LIFO,
		/** Smallest first: {@code asyncio.PriorityQueue}. */
		PRIORITY

	}

	private final Kind kind;

	private final int maxsize;

	private final Queue<T> items;

	private final Deque<Sinks.Empty<Void>> getters = new ArrayDeque<>();

	private final Deque<Sinks.Empty<Void>> putters = new ArrayDeque<>();

	private int peakSize;

	/**
	 * A bounded queue.
	 * @param kind the order of {@code get()}
	 * @param maxsize the most items it holds; {@code put} waits beyond
	 * @param order how items compare, for {@link Kind#PRIORITY}
	 */
	public AsyncQueue(Kind kind, int maxsize, Comparator<? super T> order) {
		if (maxsize < 1) {
			throw new IllegalArgumentException("maxsize must be at least 1, got " + maxsize);
		}
		this.kind = kind;
		this.maxsize = maxsize;
		this.items = (kind == Kind.PRIORITY) ? new PriorityQueue<>(order) : new ArrayDeque<>();
	}

	/**
	 * {@code await queue.put(item)}: wait while the queue is full, then add the item.
	 * @param item the item
	 * @return completes once the item is in the queue
	 */
	public Mono<Void> put(T item) {
		return Mono.defer(() -> {
			Sinks.Empty<Void> waiter = null;
			Sinks.Empty<Void> woken;
			synchronized (this) {
				if (this.items.size() < this.maxsize) {
					add(item);
					this.peakSize = Math.max(this.peakSize, this.items.size());
					woken = this.getters.pollFirst();
				}
				else {
					woken = null;
					waiter = Sinks.empty();
					this.putters.addLast(waiter);
				}
			}
			if (waiter == null) {
				// Wake the next getter once this put has returned, as set_result()
				// schedules it for later.
				return Mono.<Void>empty().doFinally((signal) -> wakeUp(woken));
			}
			return waitFor(waiter, this.putters).then(put(item));
		});
	}

	/**
	 * {@code await queue.get()}: wait while the queue is empty, then take an item in this
	 * queue's order.
	 * @return the item
	 */
	public Mono<T> get() {
		return Mono.defer(() -> {
			Sinks.Empty<Void> waiter = null;
			Sinks.Empty<Void> woken = null;
			T item = null;
			synchronized (this) {
				if (!this.items.isEmpty()) {
					item = this.items.remove();
					woken = this.putters.pollFirst();
				}
				else {
					waiter = Sinks.empty();
					this.getters.addLast(waiter);
				}
			}
			if (waiter == null) {
				Sinks.Empty<Void> next = woken;
				return Mono.just(item).doFinally((signal) -> wakeUp(next));
			}
			return waitFor(waiter, this.getters).then(get());
		});
	}

	/** {@code queue.qsize()}. */
	public synchronized int size() {
		return this.items.size();
	}

	/** The most items the queue ever held at once. */
	public synchronized int peakSize() {
		return this.peakSize;
	}

	/** Callers waiting now, to put or to get. */
	public synchronized int waiting() {
		return this.putters.size() + this.getters.size();
	}

	public Kind kind() {
		return this.kind;
	}

	public int maxsize() {
		return this.maxsize;
	}

	private void add(T item) {
		if (this.kind == Kind.LIFO) {
			((Deque<T>) this.items).addFirst(item);
		}
		else {
			this.items.add(item);
		}
	}

	/**
	 * Wait to be woken. A cancelled waiter leaves its line, and passes its turn on if it
	 * had already been woken.
	 */
	private Mono<Void> waitFor(Sinks.Empty<Void> waiter, Deque<Sinks.Empty<Void>> line) {
		return waiter.asMono().doOnCancel(() -> {
			Sinks.Empty<Void> next;
			synchronized (this) {
				next = line.remove(waiter) ? null : line.pollFirst();
			}
			wakeUp(next);
		});
	}

	/** Outside the lock: the woken waiter carries on on this thread. */
	private static void wakeUp(Sinks.Empty<Void> waiter) {
		if (waiter != null) {
			waiter.tryEmitEmpty();
		}
	}

}
