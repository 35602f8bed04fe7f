package dev.asynciolearn.workbook.sync;

import java.util.List;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code Semaphore}.
 *
 * <pre>
 * async def limited(jobs, limit):          # 10 jobs of 100 ms, limit 3
 *     sem = asyncio.Semaphore(limit)
 *
 *     async def with_permit(job):
 *         async with sem:
 *             return await job
 *
 *     for next_done in asyncio.as_completed([with_permit(job) for job in jobs]):
 *         yield await next_done
 * </pre>
 *
 * Must hold: never more than {@code limit} jobs run at once; a job that ends gives its
 * place at once to a waiting job (no batches: with a limit of 2, jobs of 300, 100, 100
 * and 100 ms all end at 300 ms); every job runs once and every result comes out, in any
 * order; ten jobs of 100 ms with a limit of 3 take 400 ms, ceil(10 / 3) rounds (one at a
 * time would take 1000 ms, all at once 100 ms).
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=LimitedExercise}. Compare:
 * {@code SemaphoreService} and {@code GET /api/sync/semaphore}.
 */
public class Limited {

	/**
	 * {@code async with semaphore(limit)} around each job.
	 * @param jobs the jobs, not yet started
	 * @param limit the most jobs running at once
	 * @return every job's result, as the jobs end
	 */
	public Flux<Integer> limited(List<Mono<Integer>> jobs, int limit) {
		throw new NotDoneYet("Limited");
	}

}
