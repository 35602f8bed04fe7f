package dev.asynciolearn.workbook.sync;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code Semaphore} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class Limited {

	/**
	 * {@code async with semaphore(limit)} around each job: {@code flatMap}'s concurrency
	 * is the semaphore. It subscribes to {@code limit} jobs, and each time one ends it
	 * asks its source for the next, so a freed place is taken at once; the results come
	 * out as the jobs end.
	 * @param jobs the jobs, not yet started
	 * @param limit the most jobs running at once
	 * @return every job's result, as the jobs end
	 */
	public Flux<Integer> limited(List<Mono<Integer>> jobs, int limit) {
		return Flux.fromIterable(jobs).flatMap((job) -> job, limit);
	}

}
