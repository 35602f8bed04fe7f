package dev.asynciolearn.streams;

import java.time.Duration;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

/**
 * {@code async for x in AsyncCounter(n)} and {@code async for x in counter(n)}: an async
 * iterator and an async generator, as demand-driven streams.
 * <p>
 * The difference that matters: {@code async for} pulls one item at a time. The iterator
 * here is pulled the same way: {@code __anext__} runs only when the subscriber has
 * requested an item ({@code request(n)} is {@code __anext__}), so a slow client holds the
 * producer back instead of making the server buffer. The generator uses Reactor's
 * operators, which prepare one item ahead of demand: bounded, but not strictly pulled.
 */
@Service
class StreamService {

	static final Concept ITERATOR = new Concept("async iterator: __aiter__ / __anext__, pulled one at a time",
			"class Counter:\n    def __aiter__(self): return self\n    async def __anext__(self):\n"
					+ "        if done: raise StopAsyncIteration\n        await asyncio.sleep(d); return n\n"
					+ "async for x in Counter(): ...",
			"Flux.create((sink) -> sink.onRequest((n) -> pull()))  // pull() awaits counter.anext() once per item asked");

	static final Concept GENERATOR = new Concept("async generator: yield after await",
			"async def counter(n):\n    for i in range(n):\n        await asyncio.sleep(d)\n        yield i\n"
					+ "async for x in counter(n): ...",
			"Flux.generate(() -> 0, (i, sink) -> ...next(i)...).delayElements(d)");

	Flux<Item> iterator(StreamRequest request) {
		return Timeline.flux(ITERATOR, (timeline) -> {
			AsyncCounter counter = new AsyncCounter(request.count(), Duration.ofMillis(request.delayMs()), timeline);
			return AsyncFor.pull(counter::anext).map((value) -> item(timeline, value));
		});
	}

	Flux<Item> generator(StreamRequest request) {
		return Timeline.flux(GENERATOR, (timeline) -> Flux.<Integer, Integer>generate(() -> 0, (i, sink) -> {
			if (i < request.count()) {
				timeline.event("generator", Event.YIELD, i);
				sink.next(i);
			}
			else {
				sink.complete();
			}
			return i + 1;
		}).delayElements(Duration.ofMillis(request.delayMs())).map((value) -> item(timeline, value)));
	}

	private static Item item(Timeline timeline, int value) {
		timeline.event("async for", Event.GOT, value);
		return new Item(value, timeline.elapsedMs(), Thread.currentThread().getName());
	}

	/**
	 * One item of the stream.
	 *
	 * @param value the number
	 * @param atMs when the consumer got it, since the stream started
	 * @param thread the thread that delivered it
	 */
	record Item(int value, double atMs, String thread) {
	}

}
