package dev.asynciolearn.workbook.offload;

import java.util.concurrent.Callable;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code to_thread}.
 *
 * <pre>
 * def read_file(name):                      # blocking: holds its thread while it reads
 *     with open(name, "rb") as f:
 *         return f.read()
 *
 * data = await asyncio.to_thread(read_file, name)   # the loop goes on meanwhile
 * </pre>
 *
 * Must hold: the call runs on a {@code boundedElastic-*} worker, the threads Reactor
 * keeps for blocking work; the thread that subscribes is not held while it runs; it runs
 * only when the Mono is subscribed, once per subscription (a coroutine does nothing until
 * awaited); what it raises is the Mono's error, the same exception.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=ToThreadExercise}. Compare:
 * {@code OffloadService} (with {@code ToThread.offload}) and
 * {@code GET /api/offload/file}.
 */
public class ToThread {

	/**
	 * {@code asyncio.to_thread(blocking)}.
	 * @param <T> what the call returns
	 * @param blocking the blocking call, not yet run
	 * @return the call's result, computed on a worker thread
	 */
	public <T> Mono<T> toThread(Callable<T> blocking) {
		throw new NotDoneYet("ToThread");
	}

}
