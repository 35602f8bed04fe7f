package dev.asynciolearn.workbook.pitfalls;

import java.util.function.Function;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Pitfall lab: {@code subscribeOn} against {@code publishOn} ({@code scheduler-hop}).
 *
 * <pre>
 * data = await asyncio.to_thread(read, name)   # read() leaves the loop for a worker thread
 * return parse(data)
 * </pre>
 *
 * The habit carried over (BROKEN), reading {@code publishOn} as {@code to_thread}:
 *
 * <pre>
 * return name.map(read)
 *     .publishOn(Schedulers.boundedElastic())   // moves only what comes after it
 *     .map(parse);
 * </pre>
 *
 * The symptom: {@code read}, a blocking call, still runs on the thread that subscribed
 * (in a request, the event loop, where BlockHound refuses it in the tests); only
 * {@code parse} moves to {@code boundedElastic}. Write the fix.
 * <p>
 * Must hold: {@code read} runs on a {@code boundedElastic} thread whichever thread
 * subscribes, a non-blocking one (where its blocking is refused) or the caller's own; the
 * result is {@code parse(read(name))}.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=SchedulerHopLabExercise}. Compare:
 * {@code SchedulerHopService} and {@code GET /api/pitfalls/scheduler-hop?variant=FIXED}.
 */
public class SchedulerHopLab {

	/**
	 * The coroutine above.
	 * @param name the file's name, as it comes (on the subscriber's thread)
	 * @param read a blocking read: it holds its thread until the data is there
	 * @param parse what to do with the data
	 * @return {@code parse(read(name))}, the read done on {@code boundedElastic}
	 */
	public Mono<String> load(Mono<String> name, Function<String, String> read, Function<String, String> parse) {
		throw new NotDoneYet("SchedulerHopLab");
	}

}
