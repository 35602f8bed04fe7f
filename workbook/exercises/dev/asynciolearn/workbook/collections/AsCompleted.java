package dev.asynciolearn.workbook.collections;

import java.util.List;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code as_completed}.
 *
 * <pre>
 * for next_done in asyncio.as_completed([job(0), job(1), job(2)]):   # 300, 100 and 200 ms
 *     print(await next_done)                                          # 1, then 2, then 0
 * </pre>
 *
 * Must hold: the results come in completion order, {@code 1, 2, 0}, not argument order;
 * each comes as soon as its job ends (at 100, 200 and 300 ms), not all at the end; every
 * job is started at once, when the stream is subscribed.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=AsCompletedExercise}. Compare:
 * {@code AsCompletedService} and {@code GET /api/collections/as-completed}.
 */
public class AsCompleted {

	/**
	 * {@code asyncio.as_completed(jobs)}.
	 * @param jobs the jobs, not yet started
	 * @return their results, each as its job ends
	 */
	public Flux<Integer> asCompleted(List<Mono<Integer>> jobs) {
		throw new NotDoneYet("AsCompleted");
	}

}
