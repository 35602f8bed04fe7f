package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.sync.QueueService.QueueResult;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import dev.asynciolearn.timeline.VirtualThreadDemo.Group;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code example_queue.py}'s producers and consumers on virtual threads: one bounded
 * {@link ThreadQueue} (an {@code ArrayBlockingQueue}, a {@code LinkedBlockingDeque} used
 * as a stack, or a {@code PriorityBlockingQueue} with a bound), each producer and
 * consumer on a virtual thread of its own, blocking in {@code put} while the queue is
 * full and in {@code take} while it is empty.
 * <p>
 * The difference that matters: nothing, for once, but the threads: these are the
 * {@code java.util.concurrent} queues that Python's {@code queue.Queue} mirrors for
 * threads, and a blocked virtual thread costs what a waiting coroutine does.
 */
@Service
class QueueOnVirtualThreads {

	static final Concept QUEUE = new Concept(
			"Queue on virtual threads: put blocks while it is full, take while it is empty",
			"q = asyncio.Queue(maxsize)  # or LifoQueue, PriorityQueue\nasync def producer(): await q.put(x)\n"
					+ "async def consumer(): x = await q.get()",
			"queue.put(x);  // ArrayBlockingQueue, LinkedBlockingDeque.putFirst, PriorityBlockingQueue\n"
					+ "x = queue.take();  // one virtual thread per producer and consumer");

	Mono<Report<QueueResult>> run(QueueRequest request) {
		return VirtualThreadDemo.run(QUEUE, (timeline) -> run(request, timeline));
	}

	/**
	 * The demo itself, on the calling thread.
	 */
	QueueResult run(QueueRequest request, Timeline timeline) throws InterruptedException {
		int producers = request.producers();
		int items = request.items();
		ThreadQueue queue = new ThreadQueue(request.kind(), request.maxsize());
		List<Integer> values = QueueService.values(items);
		List<Integer> putOrder = new CopyOnWriteArrayList<>();
		List<Integer> getOrder = new CopyOnWriteArrayList<>();
		AtomicInteger waitedToPut = new AtomicInteger();
		AtomicInteger claimed = new AtomicInteger();
		VirtualThreadDemo.runAll(new Group("producer-", producers, (p) -> {
			for (int k = p; k < items; k += producers) {
				int value = values.get(k);
				if (queue.full()) {
					waitedToPut.incrementAndGet();
					timeline.event("producer-" + p, Event.WAIT, "to put " + value + ": the queue is full");
				}
				queue.put(value);
				putOrder.add(value);
				timeline.event("producer-" + p, Event.PUT, value);
			}
		}), new Group("consumer-", request.consumers(), (c) -> {
			Thread.sleep(Duration.ofMillis(request.consumersStartAfterMs()));
			while (claimed.getAndIncrement() < items) {
				int value = queue.take();
				getOrder.add(value);
				timeline.event("consumer-" + c, Event.GET, value);
				Thread.sleep(Duration.ofMillis(request.consumeMs()));
			}
		}));
		return new QueueResult(request.kind(), request.maxsize(), List.copyOf(putOrder), List.copyOf(getOrder),
				queue.peakSize(), waitedToPut.get(), QueueService.sorted(getOrder).equals(QueueService.sorted(values)));
	}

}
