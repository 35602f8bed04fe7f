package dev.asynciolearn.workbook.collections;

import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code gather} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class Gather {

	/**
	 * {@code asyncio.gather(*jobs)}: {@code zip} subscribes to every job at once, keeps
	 * argument order, and fails at the first error, cancelling the other jobs where
	 * asyncio lets them run on ({@code GatherService} builds the faithful one from tasks).
	 * @param jobs the jobs, not yet started
	 * @return their results in argument order
	 */
	public Mono<List<Integer>> gather(List<Mono<Integer>> jobs) {
		return Mono.zip(jobs, (results) -> Arrays.stream(results).map(Integer.class::cast).toList());
	}

}
