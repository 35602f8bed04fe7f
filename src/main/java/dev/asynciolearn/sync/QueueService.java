package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Producers and consumers sharing one bounded {@code asyncio.Queue}
 * ({@code example_queue.py}): when the queue is full a producer's
 * {@code await queue.put(x)} waits, without holding a thread, until a consumer makes
 * room.
 */
@Service
class QueueService {

	static final Concept QUEUE = new Concept("Queue: producers wait while it is full, consumers while it is empty",
			"q = asyncio.Queue(maxsize)  # or LifoQueue, PriorityQueue\nasync def producer(): await q.put(x)\n"
					+ "async def consumer(): x = await q.get()",
			"AsyncQueue.put(x) / get(): Mono that completes when there is room / an item (waiters are Sinks)");

	Mono<Report<QueueResult>> run(QueueRequest request) {
		int producers = request.producers();
		int consumers = request.consumers();
		int items = request.items();
		Duration consume = Duration.ofMillis(request.consumeMs());
		Duration consumersStartAfter = Duration.ofMillis(request.consumersStartAfterMs());
		return Timeline.mono(QUEUE, (timeline) -> {
			AsyncQueue<Integer> queue = new AsyncQueue<>(request.kind(), request.maxsize(), Comparator.naturalOrder());
			List<Integer> values = values(items);
			List<Integer> putOrder = new CopyOnWriteArrayList<>();
			List<Integer> getOrder = new CopyOnWriteArrayList<>();
			AtomicInteger waitedToPut = new AtomicInteger();
			AtomicInteger claimed = new AtomicInteger();
			Flux<Void> producing = Flux.range(0, producers)
				.flatMap((p) -> Flux.range(0, items)
					.filter((k) -> k % producers == p)
					.concatMap((k) -> put(timeline, queue, "producer-" + p, values.get(k), putOrder, waitedToPut)));
			Flux<Void> consuming = Flux.range(0, consumers)
				.flatMap((c) -> Mono.delay(consumersStartAfter)
					.thenMany(Flux
						.defer(() -> (claimed.getAndIncrement() < items)
								? get(timeline, queue, "consumer-" + c, getOrder, consume) : Mono.<Void>empty())
						.repeat(() -> claimed.get() < items)));
			return Mono.when(producing, consuming)
				.then(Mono.fromSupplier(() -> new QueueResult(request.kind(), request.maxsize(), List.copyOf(putOrder),
						List.copyOf(getOrder), queue.peakSize(), waitedToPut.get(),
						sorted(getOrder).equals(sorted(values)))));
		});
	}

	private static Mono<Void> put(Timeline timeline, AsyncQueue<Integer> queue, String producer, int value,
			List<Integer> putOrder, AtomicInteger waitedToPut) {
		return Mono.defer(() -> {
			if (queue.size() >= queue.maxsize()) {
				waitedToPut.incrementAndGet();
				timeline.event(producer, Event.WAIT, "to put " + value + ": the queue is full");
			}
			return queue.put(value).doOnSuccess((done) -> {
				putOrder.add(value);
				timeline.event(producer, Event.PUT, value);
			});
		});
	}

	private static Mono<Void> get(Timeline timeline, AsyncQueue<Integer> queue, String consumer, List<Integer> getOrder,
			Duration consume) {
		return queue.get().doOnNext((value) -> {
			getOrder.add(value);
			timeline.event(consumer, Event.GET, value);
		}).then(Mono.delay(consume)).then();
	}

	/**
	 * 1..items in the notes' order, {@code 3, 1, 2}, then the rest in order: FIFO, LIFO
	 * and priority queues give three different orders for any three items or more (with a
	 * queue of two or more places; of exactly two places and three items, LIFO and
	 * priority agree).
	 */
	static List<Integer> values(int items) {
		List<Integer> values = new ArrayList<>(items);
		if (items >= 3) {
			values.addAll(List.of(3, 1, 2));
		}
		for (int i = values.size() + 1; i <= items; i++) {
			values.add(i);
		}
		if (items == 2) {
			Collections.reverse(values);
		}
		return values;
	}

	static List<Integer> sorted(List<Integer> values) {
		List<Integer> copy = new ArrayList<>(values);
		Collections.sort(copy);
		return copy;
	}

	/**
	 * What went through the queue.
	 *
	 * @param kind its order
	 * @param maxsize its size
	 * @param putOrder the items in the order they went in
	 * @param getOrder the items in the order they came out
	 * @param peakQueueSize the most items it held at once
	 * @param putsThatWaited puts that found it full and waited
	 * @param everyItemExactlyOnce whether every item came out once, none lost or twice
	 */
	record QueueResult(AsyncQueue.Kind kind, int maxsize, List<Integer> putOrder, List<Integer> getOrder,
			int peakQueueSize, int putsThatWaited, boolean everyItemExactlyOnce) {
	}

}
