package dev.asynciolearn.workbook.collections;

import java.util.List;
import java.util.stream.IntStream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code wait} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class Wait {

	/**
	 * {@code asyncio.wait(tasks, return_when=FIRST_COMPLETED)}: each job is made a task
	 * first ({@code cache()} keeps its one run and its ending, {@code subscribe()} starts
	 * it and holds it), so that {@code next()}, which cancels what it merged once the
	 * first index arrives, cancels only the waiting, not the tasks.
	 * {@code Mono.firstWithSignal} over the jobs themselves would cancel the losers.
	 * @param jobs the jobs, not yet started
	 * @return the index in {@code jobs} of the first job to end (with a value or an
	 * error)
	 */
	public Mono<Integer> firstCompleted(List<Mono<Integer>> jobs) {
		return Mono.defer(() -> {
			List<Mono<Integer>> tasks = jobs.stream().map(Wait::start).toList();
			return Flux
				.merge(IntStream.range(0, tasks.size())
					.mapToObj((i) -> tasks.get(i).onErrorComplete().thenReturn(i))
					.toList())
				.next();
		});
	}

	/** {@code asyncio.create_task(job)}: runs now, once, whoever waits for it. */
	private static Mono<Integer> start(Mono<Integer> job) {
		Mono<Integer> task = job.cache();
		task.subscribe(null, (error) -> {
			// kept by the task, for whoever waits for it
		});
		return task;
	}

}
