package dev.asynciolearn.sync;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three asyncio queues for threads, bounded to {@code maxsize}: {@code put} blocks
 * while the queue is full and {@code take} while it is empty. {@code asyncio.Queue} is an
 * {@link ArrayBlockingQueue}, {@code LifoQueue} a {@link LinkedBlockingDeque} used from
 * its head, and {@code PriorityQueue} a {@link PriorityBlockingQueue}, which has no bound
 * of its own: a semaphore of {@code maxsize} places gives it one.
 */
final class ThreadQueue {

	private final AsyncQueue.Kind kind;

	private final int maxsize;

	private final BlockingQueue<Integer> items;

	private final Semaphore places;

	private final AtomicInteger peak = new AtomicInteger();

	ThreadQueue(AsyncQueue.Kind kind, int maxsize) {
		this.kind = kind;
		this.maxsize = maxsize;
		this.items = switch (kind) {
			case FIFO -> new ArrayBlockingQueue<>(maxsize);
			case LIFO -> new LinkedBlockingDeque<>(maxsize);
			case PRIORITY -> new PriorityBlockingQueue<>(maxsize);
		};
		this.places = new Semaphore(maxsize);
	}

	/**
	 * {@code await queue.put(item)}: waits while the queue is full.
	 * @param item the item
	 * @throws InterruptedException if interrupted while waiting
	 */
	void put(int item) throws InterruptedException {
		this.places.acquire();
		try {
			switch (this.kind) {
				case LIFO -> ((LinkedBlockingDeque<Integer>) this.items).putFirst(item);
				default -> this.items.put(item);
			}
		}
		catch (InterruptedException ex) {
			// The place was taken but the item never went in.
			this.places.release();
			throw ex;
		}
		this.peak.accumulateAndGet(this.items.size(), Math::max);
	}

	/**
	 * {@code await queue.get()}: waits while the queue is empty.
	 * @return the next item in the queue's order
	 * @throws InterruptedException if interrupted while waiting
	 */
	int take() throws InterruptedException {
		int item = this.items.take();
		this.places.release();
		return item;
	}

	/**
	 * Whether a put now would wait.
	 * @return {@code true} when every place is taken
	 */
	boolean full() {
		return this.places.availablePermits() == 0;
	}

	int peakSize() {
		return this.peak.get();
	}

	int maxsize() {
		return this.maxsize;
	}

}
