package dev.asynciolearn.workbook.collections;

import java.util.List;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code wait} with {@code FIRST_COMPLETED}.
 *
 * <pre>
 * tasks = [asyncio.create_task(job(i)) for i in range(3)]   # 300, 100 and 200 ms
 * done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
 * # done holds job 1 (at 100 ms); jobs 0 and 2 are pending, and run on to their ends
 * </pre>
 *
 * Must hold: the answer (the index of the first job to end, here {@code 1}) comes as soon
 * as that job ends, at 100 ms; the other jobs are not cancelled: they run on to their
 * ends after the answer, each once; a job that fails has completed too (asyncio's
 * {@code wait} never raises): its index is the answer, with no error.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=WaitExercise}. Compare: {@code WaitService}
 * and {@code GET /api/collections/wait}.
 */
public class Wait {

	/**
	 * {@code asyncio.wait(tasks, return_when=FIRST_COMPLETED)}, answering which task is
	 * done.
	 * @param jobs the jobs, not yet started
	 * @return the index in {@code jobs} of the first job to end (with a value or an
	 * error)
	 */
	public Mono<Integer> firstCompleted(List<Mono<Integer>> jobs) {
		throw new NotDoneYet("Wait");
	}

}
