package dev.asynciolearn.workbook.sync;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code Queue}.
 *
 * <pre>
 * queue = asyncio.Queue(maxsize=2)
 *
 * async def producer():
 *     for item in range(1, 11):
 *         await queue.put(item)      # waits while 2 items are queued
 *
 * async def consumer():
 *     for _ in range(10):
 *         item = await queue.get()   # waits while the queue is empty
 *         await asyncio.sleep(0.01)
 * </pre>
 *
 * Must hold: items come out in the order they went in (first in, first out); {@code put}
 * completes at once while there is room, and waits while {@code maxsize} items are
 * queued, until a {@code get} makes room; {@code get} waits while the queue is empty and
 * completes when an item is put; nothing is lost: several waiting getters each get an
 * item, several waiting putters each get theirs in, in their turn; a producer and a
 * slower consumer pass every item, in order. No busy polling: a waiter is woken by the
 * call that lets it go on.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=BoundedQueueExercise}. Compare:
 * {@code AsyncQueue}, {@code QueueService} and {@code GET /api/sync/queue}.
 *
 * @param <T> the items
 */
public class BoundedQueue<T> {

	private final int maxsize;

	/**
	 * {@code asyncio.Queue(maxsize)}.
	 * @param maxsize the most items it holds; {@code put} waits beyond
	 */
	public BoundedQueue(int maxsize) {
		this.maxsize = maxsize;
	}

	/**
	 * {@code await queue.put(item)}.
	 * @param item the item
	 * @return completes once the item is in the queue: at once while there is room
	 */
	public Mono<Void> put(T item) {
		throw new NotDoneYet("BoundedQueue");
	}

	/**
	 * {@code await queue.get()}.
	 * @return the oldest item, once there is one
	 */
	public Mono<T> get() {
		throw new NotDoneYet("BoundedQueue");
	}

}
