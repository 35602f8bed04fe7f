package dev.asynciolearn.collections;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.asynciolearn.collections.AsCompletedService.Completion;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.stereotype.Service;

/**
 * {@code for f in asyncio.as_completed(jobs, timeout=t)} on virtual threads is an
 * {@code ExecutorCompletionService}: the jobs run on their own virtual threads, and a
 * loop on another takes each future as it completes, {@code poll}ing with what is left of
 * the deadline.
 * <p>
 * The difference that matters: at the deadline the stream ends with {@code TimeoutError}
 * and the jobs still running are left to run, as asyncio leaves their tasks (the Reactor
 * twin cancels them); they end on their own within the longest job. At most
 * {@link #MAX_LEFT_RUNNING} jobs are left so across all requests; beyond that they are
 * cancelled, and the {@code TimeoutError} event says which. A client that hangs up
 * interrupts the loop, which stops them.
 */
@Service
class AsCompletedOnVirtualThreads {

	static final Concept AS_COMPLETED = new Concept(
			"as_completed on virtual threads: a CompletionService, one deadline for all",
			"for f in asyncio.as_completed(jobs, timeout=t):\n    print(await f)",
			"Future<Integer> f = completion.poll(deadline - now, NANOSECONDS);  // null at the deadline");

	/**
	 * Jobs left running after their stream has ended, across requests: each ends within
	 * {@link Jobs#MAX_DELAY_MS}, but no client may leave an unbounded number behind.
	 */
	static final int MAX_LEFT_RUNNING = 500;

	private static final Semaphore LEFT_RUNNING = new Semaphore(MAX_LEFT_RUNNING);

	/** The budget of jobs that may be left running, for the tests to look at. */
	static Semaphore leftRunningBudget() {
		return LEFT_RUNNING;
	}

	Flux<Completion> asCompleted(AsCompletedRequest request) {
		return VirtualThreadDemo.stream(AS_COMPLETED, (timeline, sink) -> run(request, timeline, sink));
	}

	/**
	 * The demo itself, on the calling thread. Only a hang-up stops the jobs: after the
	 * deadline they run on, and the demo's thread waits for them after the stream ends.
	 */
	private static void run(AsCompletedRequest request, Timeline timeline, FluxSink<Completion> sink)
			throws InterruptedException {
		ThreadJobs jobs = new ThreadJobs(timeline, request.count(), request.delayMs(), null);
		int leftRunning = 0;
		try (ExecutorService executor = Executors.newThreadPerTaskExecutor(jobs.threads())) {
			CompletionService<Integer> completion = new ExecutorCompletionService<>(executor);
			List<Future<Integer>> submitted = jobs.all().stream().map(completion::submit).toList();
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.timeoutMs());
			Set<Integer> notTaken = new TreeSet<>();
			for (int i = 0; i < submitted.size(); i++) {
				notTaken.add(i);
			}
			try {
				for (int position = 0; position < submitted.size(); position++) {
					Future<Integer> next = completion.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
					if (next == null) {
						// The jobs not yet yielded: one that ends in this very instant is
						// listed rather than lost.
						timeline.event("as_completed", Event.TIMEOUT);
						List<Integer> left = List.copyOf(notTaken);
						if (LEFT_RUNNING.tryAcquire(left.size())) {
							leftRunning = left.size();
							sink.next(new Completion(Event.TIMEOUT.label(), null, null, timeline.elapsedMs(), null,
									left));
						}
						else {
							// Over the budget: cancelled, as the Reactor twin does, and
							// said so.
							executor.shutdownNow();
							sink.next(new Completion(Event.TIMEOUT.label(), null, null, timeline.elapsedMs(), left,
									null));
						}
						break;
					}
					notTaken.remove(submitted.indexOf(next));
					sink.next(Completion.result(position, next.resultNow(), timeline.elapsedMs()));
				}
				sink.complete();
			}
			catch (InterruptedException ex) {
				// The client hung up: stop the jobs rather than wait for them.
				executor.shutdownNow();
				throw ex;
			}
		}
		finally {
			// Closing the executor waited for the jobs left running.
			LEFT_RUNNING.release(leftRunning);
		}
	}

}
