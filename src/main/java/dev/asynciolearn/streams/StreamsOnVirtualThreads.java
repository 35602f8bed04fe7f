package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import dev.asynciolearn.streams.StreamService.Item;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

/**
 * {@code async for} over an async iterator and over an async generator, on virtual
 * threads: a plain {@link Iterator} whose {@code next()} blocks, pulled by a plain loop
 * on a virtual thread only when the client has asked for an item ({@link BlockingFor}).
 * <p>
 * The difference that matters: Java has no generators; its lazy equivalent is a
 * {@code Stream}, whose iterator runs the pipeline one element per {@code next()}, so the
 * generator's body (sleep, then yield) runs only when pulled, as in Python, where
 * Reactor's {@code delayElements} prepares an item ahead of demand.
 */
@Service
class StreamsOnVirtualThreads {

	static final Concept ITERATOR = new Concept("async iterator on virtual threads: a blocking next(), pulled",
			"class Counter:\n    def __aiter__(self): return self\n    async def __anext__(self):\n"
					+ "        if done: raise StopAsyncIteration\n        await asyncio.sleep(d); return n\n"
					+ "async for x in Counter(): ...",
			"for (int x : counter) { ... }  // next() sleeps; the loop runs on a virtual thread, one item per request");

	static final Concept GENERATOR = new Concept("async generator on virtual threads: a lazy Stream, pulled",
			"async def counter(n):\n    for i in range(n):\n        await asyncio.sleep(d)\n        yield i\n"
					+ "async for x in counter(n): ...",
			"IntStream.range(0, n).mapToObj((i) -> { sleep(d); return i; }).iterator()  // each step when pulled");

	/** The loop's virtual thread. */
	static final String LOOP = "async-for";

	Flux<Item> iterator(StreamRequest request) {
		return Timeline.flux(ITERATOR,
				(timeline) -> BlockingFor
					.pull(LOOP, () -> new Counter(request.count(), Duration.ofMillis(request.delayMs()), timeline))
					.map((value) -> item(timeline, value)));
	}

	Flux<Item> generator(StreamRequest request) {
		Duration delay = Duration.ofMillis(request.delayMs());
		return Timeline.flux(GENERATOR,
				(timeline) -> BlockingFor.pull(LOOP, () -> IntStream.range(0, request.count()).mapToObj((i) -> {
					sleep(delay);
					timeline.event("generator", Event.YIELD, i);
					return i;
				}).iterator()).map((value) -> item(timeline, value)));
	}

	private static Item item(Timeline timeline, int value) {
		timeline.event("async for", Event.GOT, value);
		return new Item(value, timeline.elapsedMs(), Thread.currentThread().getName());
	}

	/**
	 * A sleep inside an iterator, which may not throw {@link InterruptedException}: the
	 * interruption becomes a {@link CancellationException}, asyncio's name for it.
	 */
	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted");
		}
	}

	/**
	 * {@code AsyncCounter} as a plain iterator: {@code next()} is {@code __anext__}, and
	 * blocks for the delay.
	 */
	private static final class Counter implements Iterator<Integer> {

		private final int count;

		private final Duration delay;

		private final Timeline timeline;

		private int next;

		Counter(int count, Duration delay, Timeline timeline) {
			this.count = count;
			this.delay = delay;
			this.timeline = timeline;
		}

		@Override
		public boolean hasNext() {
			if (this.next < this.count) {
				return true;
			}
			this.timeline.event("__anext__", Event.DONE, "StopAsyncIteration");
			return false;
		}

		@Override
		public Integer next() {
			if (this.next >= this.count) {
				throw new NoSuchElementException();
			}
			int value = this.next++;
			this.timeline.event("__anext__", Event.CALL, value);
			sleep(this.delay);
			return value;
		}

	}

}
