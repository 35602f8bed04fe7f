package dev.asynciolearn.workbook.collections;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code as_completed} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class AsCompleted {

	/**
	 * {@code asyncio.as_completed(jobs)}: {@code merge} subscribes to every job at once
	 * and passes each value on as it comes, so the stream is in completion order.
	 * @param jobs the jobs, not yet started
	 * @return their results, each as its job ends
	 */
	public Flux<Integer> asCompleted(List<Mono<Integer>> jobs) {
		return Flux.merge(jobs);
	}

}
