package dev.asynciolearn.workbook.streams;

import java.util.Iterator;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Flux;

/**
 * Exercise: an async generator ({@code example_generator.py}), with the {@code finally}
 * that closes its source.
 *
 * <pre>
 * async def lines(source):
 *     try:
 *         for line in source:       # one line read per item asked
 *             yield line
 *     finally:
 *         source.close()            # at the end, on an error, or when the consumer stops early
 *
 * async with contextlib.aclosing(lines(source)) as it:
 *     async for line in it:
 *         if line == "stop":
 *             break
 * </pre>
 *
 * Must hold: nothing is read before the subscriber asks (a generator's body runs only
 * when it is iterated); each item requested reads one line, no more; the source is
 * closed, exactly once, when the lines run out, when reading fails (the error still
 * reaches the subscriber), and when the subscriber cancels.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=AsyncGeneratorExercise}. Compare:
 * {@code StreamService.generator} and {@code GET /api/streams/generator}.
 */
public class AsyncGenerator {

	/**
	 * {@code lines(source)}.
	 * @param source the lines, read one {@code next()} at a time
	 * @param close closes the source
	 * @return the lines, read as they are requested
	 */
	public Flux<String> lines(Iterator<String> source, Runnable close) {
		throw new NotDoneYet("AsyncGenerator");
	}

}
