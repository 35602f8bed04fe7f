package dev.asynciolearn.workbook.streams;

import java.util.function.Function;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code async with} ({@code example_context_manager.py}).
 *
 * <pre>
 * class Session:
 *     async def __aenter__(self):             # open: awaits while the resource opens
 *         await asyncio.sleep(0.05); return "session"
 *     async def __aexit__(self, kind, error, tb):   # close: awaits while it closes
 *         await asyncio.sleep(0.05)
 *
 * async with Session() as s:
 *     result = await body(s)                  # 100 ms
 * # here __aexit__ has finished, whatever happened in the body
 * </pre>
 *
 * Must hold: the body gets what {@code open} gave; {@code close} runs after the body, and
 * the result reaches the caller only once {@code close} has finished; when the body
 * fails, {@code close} runs and the body's error still reaches the caller, after it; when
 * the caller gives up (a timeout downstream cancels the body), {@code close} still runs,
 * to its end; {@code close} runs exactly once; when {@code open} fails, its error reaches
 * the caller and neither the body nor {@code close} runs.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=AsyncWithExercise}. Compare:
 * {@code ContextManagerService} and {@code GET /api/streams/context-manager}.
 */
public class AsyncWith {

	/**
	 * {@code async with open as r: return await body(r)}.
	 * @param <R> the resource
	 * @param <T> the body's result
	 * @param open {@code __aenter__}: opens the resource, not yet started
	 * @param body what runs with the resource
	 * @param close {@code __aexit__}: closes the resource
	 * @return the body's result, once the resource is closed
	 */
	public <R, T> Mono<T> asyncWith(Mono<R> open, Function<R, Mono<T>> body, Function<R, Mono<Void>> close) {
		throw new NotDoneYet("AsyncWith");
	}

}
