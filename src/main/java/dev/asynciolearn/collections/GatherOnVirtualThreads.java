package dev.asynciolearn.collections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.asynciolearn.collections.GatherResult.GatherRaised;
import dev.asynciolearn.collections.GatherResult.Gathered;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code await asyncio.gather(*jobs)} on virtual threads is
 * {@code executor.invokeAll(jobs)} on an executor that starts one virtual thread per job:
 * all run at once, the futures come back in submission order, and the whole takes as long
 * as the longest job, while the calling thread simply blocks.
 * <p>
 * The difference that matters: {@code invokeAll} waits for every job and keeps each
 * exception in its future, which is {@code return_exceptions=True}. {@code gather}'s
 * default, the first exception raised as it happens while the others run on, is a
 * {@code CompletionService} taken from until a job fails; closing the executor then waits
 * for the others, as asyncio's loop lets them finish. If the caller is interrupted (the
 * client hung up), the jobs still running are interrupted too.
 */
@Service
class GatherOnVirtualThreads {

	static final Concept GATHER = new Concept("gather on virtual threads: one thread per job, results in order",
			"results = await asyncio.gather(*[job(i, d) for i in range(n)], return_exceptions=False)",
			"try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {\n"
					+ "    results = executor.invokeAll(jobs);  // return_exceptions=True: each future keeps its exception\n"
					+ "    // return_exceptions=False: completion.take() until a job fails, then raise\n}");

	Mono<Report<ThreadGatherResult>> gather(GatherRequest request) {
		return VirtualThreadDemo.run(GATHER, (timeline) -> gather(request, timeline));
	}

	/**
	 * The demo itself, on the calling thread.
	 */
	ThreadGatherResult gather(GatherRequest request, Timeline timeline) throws InterruptedException {
		ThreadJobs jobs = new ThreadJobs(timeline, request.count(), request.delayMs(), request.failAt());
		try (ExecutorService executor = Executors.newThreadPerTaskExecutor(jobs.threads())) {
			try {
				if (request.failAt() == null || request.returnExceptions()) {
					List<Object> results = new ArrayList<>();
					for (Future<Integer> job : executor.invokeAll(jobs.all())) {
						results.add((job.state() == Future.State.SUCCESS) ? job.resultNow()
								: job.exceptionNow().toString());
					}
					return new Gathered(results, jobs.completionOrder(), jobs.longestMs(), jobs.sumMs());
				}
				return firstException(executor, jobs, timeline);
			}
			catch (InterruptedException ex) {
				// Closing would wait for the jobs: stop them first.
				executor.shutdownNow();
				throw ex;
			}
		}
	}

	private static GatherRaised firstException(ExecutorService executor, ThreadJobs jobs, Timeline timeline)
			throws InterruptedException {
		CompletionService<Integer> completion = new ExecutorCompletionService<>(executor);
		List<Future<Integer>> submitted = jobs.all().stream().map(completion::submit).toList();
		for (int taken = 0; taken < submitted.size(); taken++) {
			Future<Integer> next = completion.take();
			if (next.state() == Future.State.FAILED) {
				String raised = next.exceptionNow().toString();
				double raisedAtMs = timeline.elapsedMs();
				List<Boolean> cancelled = submitted.stream().map(Future::isCancelled).toList();
				executor.close();
				return new GatherRaised(raised, raisedAtMs, cancelled, jobs.outcomes());
			}
		}
		throw new IllegalStateException("no job failed");
	}

}
