package dev.asynciolearn.collections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;

import dev.asynciolearn.collections.Jobs.JobFailure;
import dev.asynciolearn.timeline.Ending;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * {@link Jobs} as plain blocking code, for the virtual-thread twins: each job sleeps with
 * {@code Thread.sleep} on a virtual thread of its own ({@code job-<i>}), then returns
 * {@code i} or raises; the same delays and the same bookkeeping, kept by a {@link Jobs}.
 * A job whose thread is interrupted while it sleeps ends {@code cancelled}, which is how
 * {@code CancelledError} reaches a coroutine in asyncio.
 */
final class ThreadJobs {

	private final Timeline timeline;

	private final Jobs jobs;

	ThreadJobs(Timeline timeline, int count, long delayMs, @Nullable Integer failAt) {
		this.timeline = timeline;
		this.jobs = new Jobs(timeline, "", count, delayMs, failAt);
	}

	/**
	 * The threads the jobs run on: one new virtual thread per job, named in submission
	 * order.
	 * @return a factory for {@code Executors.newThreadPerTaskExecutor}
	 */
	ThreadFactory threads() {
		return Thread.ofVirtual().name("job-", 0).factory();
	}

	/**
	 * The jobs, in submission order; each runs when called.
	 * @return one callable per job
	 */
	List<Callable<Integer>> all() {
		List<Callable<Integer>> all = new ArrayList<>(this.jobs.count());
		for (int i = 0; i < this.jobs.count(); i++) {
			int index = i;
			all.add(() -> job(index));
		}
		return all;
	}

	private Integer job(int index) throws InterruptedException {
		String row = "job-" + index;
		this.timeline.event(row, Event.START);
		try {
			Thread.sleep(this.jobs.delay(index));
		}
		catch (InterruptedException ex) {
			end(index, new Ending(Event.CANCELLED, null));
			throw ex;
		}
		if (this.jobs.fails(index)) {
			JobFailure failure = new JobFailure(index);
			end(index, new Ending(Event.ERROR, failure));
			throw failure;
		}
		end(index, new Ending(Event.DONE, index));
		return index;
	}

	private void end(int index, Ending ending) {
		this.jobs.ended(index, ending);
		this.timeline.event("job-" + index, ending.event(), (ending.event() == Event.ERROR) ? ending.value() : null);
	}

	/**
	 * How each job ended, in submission order, as {@link Jobs#outcomes()}.
	 * @return one outcome per job
	 */
	List<Object> outcomes() {
		return this.jobs.outcomes();
	}

	/**
	 * The jobs that finished, with a value or an exception, in the order they did.
	 * @return job indexes
	 */
	List<Integer> completionOrder() {
		return this.jobs.completionOrder();
	}

	long longestMs() {
		return this.jobs.longestMs();
	}

	long sumMs() {
		return this.jobs.sumMs();
	}

}
