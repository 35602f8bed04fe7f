package dev.asynciolearn.workbook.sync;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code Lock}.
 *
 * <pre>
 * lock = asyncio.Lock()
 *
 * async def worker():
 *     async with lock:
 *         value = await read()          # the counter, 1 ms later
 *         await write(value + 1)
 *
 * async def increment_all(workers):     # 20 workers
 *     await asyncio.gather(*(worker() for _ in range(workers)))
 *     return await read()
 * </pre>
 *
 * Must hold: no update is lost: 20 workers leave the counter at 20, not 1 (without the
 * lock every worker reads 0 before any writes); each worker reads, then writes what it
 * read plus one, so the writes are 1, 2, ..., 20; the workers take turns, 1 ms each, and
 * the count comes out only once the last one has written (about 20 ms).
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=LockedCounterExercise}. Compare:
 * {@code LockService} and {@code GET /api/sync/lock}.
 */
public class LockedCounter {

	/**
	 * {@code workers} workers, each adding one to a shared counter under a lock.
	 * @param workers how many workers
	 * @param read reads the counter; it suspends before it answers
	 * @param write writes the counter
	 * @return the counter once every worker has written
	 */
	public Mono<Integer> incrementAll(int workers, Supplier<Mono<Integer>> read, Function<Integer, Mono<Void>> write) {
		throw new NotDoneYet("LockedCounter");
	}

}
