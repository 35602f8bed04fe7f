package dev.asynciolearn.collections;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code gather} gave: the results, or, when a job raised, {@code Mono.zip} beside a
 * real {@code gather}.
 */
@Schema(oneOf = { GatherResult.Gathered.class, GatherResult.FailureCompared.class })
sealed interface GatherResult {

	/**
	 * Every job's result.
	 *
	 * @param results one per job, in submission order (with {@code returnExceptions}, the
	 * failing job's exception in its place)
	 * @param completionOrder the jobs in the order they finished
	 * @param longestJobMs the longest job: about the elapsed time
	 * @param sumOfJobsMs the jobs one after another: what it would take without
	 * concurrency
	 */
	record Gathered(List<Object> results, List<Integer> completionOrder, long longestJobMs,
			long sumOfJobsMs) implements GatherResult, ThreadGatherResult {
	}

	/**
	 * A job raised: how {@code Mono.zip} and a faithful {@code gather} each took it.
	 *
	 * @param failAt the job that raised
	 * @param monoZip plain {@code Mono.zip}: the others are cancelled
	 * @param asyncioGather tasks awaited without cancelling them: the others finish
	 */
	record FailureCompared(int failAt, ZipRaised monoZip, GatherRaised asyncioGather) implements GatherResult {
	}

	/**
	 * {@code Mono.zip} on the first error.
	 *
	 * @param raised the exception it raised
	 * @param raisedAtMs when
	 * @param others how each job ended: cancelled, except the failing one
	 */
	record ZipRaised(String raised, double raisedAtMs, List<Object> others) {
	}

	/**
	 * {@code gather} on the first error.
	 *
	 * @param raised the exception it raised
	 * @param raisedAtMs when
	 * @param othersCancelledOnError whether each job was cancelled when it raised
	 * (asyncio: never)
	 * @param othersFinishAnyway how each job ended once all had
	 */
	record GatherRaised(String raised, double raisedAtMs, List<Boolean> othersCancelledOnError,
			List<Object> othersFinishAnyway) implements ThreadGatherResult {
	}

}
