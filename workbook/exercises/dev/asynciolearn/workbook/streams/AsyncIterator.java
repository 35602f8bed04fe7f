package dev.asynciolearn.workbook.streams;

import java.time.Duration;
import java.util.function.IntConsumer;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Flux;

/**
 * Exercise: an async iterator ({@code example_iterator.py}).
 *
 * <pre>
 * class Counter:
 *     def __init__(self, n, pause):
 *         self.n, self.pause, self.next = n, pause, 0
 *
 *     def __aiter__(self):
 *         return self
 *
 *     async def __anext__(self):
 *         if self.next >= self.n:
 *             raise StopAsyncIteration
 *         value, self.next = self.next, self.next + 1
 *         print("__anext__", value)               # the grader's anext.accept(value)
 *         await asyncio.sleep(self.pause)
 *         return value
 *
 * async for x in Counter(5, 0.2): ...
 * </pre>
 *
 * Must hold: the numbers {@code 0 .. n-1} come in order at {@code pause},
 * {@code 2 * pause}, ... and the stream then completes; {@code async for} calls
 * {@code __anext__} only when it wants the next item, so nothing starts before the
 * subscriber's first request, and each request starts one {@code __anext__}, whose item
 * comes a whole pause later (not one prepared ahead while nobody asked); once the
 * subscriber cancels, {@code __anext__} is never called again. Call {@code anext} with
 * the value each time {@code __anext__} starts on it: that is how the grader sees it.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=AsyncIteratorExercise}. Compare:
 * {@code StreamService.iterator} (with {@code AsyncCounter} and {@code AsyncFor}) and
 * {@code GET /api/streams/iterator}.
 */
public class AsyncIterator {

	/**
	 * {@code async for x in Counter(n, pause)}.
	 * @param n how many numbers
	 * @param pause how long each {@code __anext__} waits before it returns its number
	 * @param anext told the value each time {@code __anext__} starts on one
	 * @return the numbers, pulled one at a time
	 */
	public Flux<Integer> count(int n, Duration pause, IntConsumer anext) {
		throw new NotDoneYet("AsyncIterator");
	}

}
