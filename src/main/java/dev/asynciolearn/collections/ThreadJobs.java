package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.asynciolearn.collections.Jobs.JobFailure;
import dev.asynciolearn.timeline.Ending;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * {@link Jobs} as plain blocking code, for the virtual-thread twins: each job sleeps with
 * {@code Thread.sleep} on a virtual thread of its own ({@code job-<i>}), then returns
 * {@code i} or raises; the same delays, the same outcomes. A job whose thread is
 * interrupted while it sleeps ends {@code cancelled}, which is how {@code CancelledError}
 * reaches a coroutine in asyncio.
 */
final class ThreadJobs {

	private final Timeline timeline;

	private final List<Duration> delays;

	private final @Nullable Integer failAt;

	private final AtomicReferenceArray<Ending> endings;

	private final Queue<Integer> completionOrder = new ConcurrentLinkedQueue<>();

	ThreadJobs(Timeline timeline, int count, long delayMs, @Nullable Integer failAt) {
		this.timeline = timeline;
		this.delays = Jobs.delays(count, delayMs);
		this.failAt = failAt;
		this.endings = new AtomicReferenceArray<>(count);
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
		List<Callable<Integer>> jobs = new ArrayList<>(this.delays.size());
		for (int i = 0; i < this.delays.size(); i++) {
			int index = i;
			jobs.add(() -> job(index));
		}
		return jobs;
	}

	private Integer job(int index) throws InterruptedException {
		String row = "job-" + index;
		this.timeline.event(row, Event.START);
		try {
			Thread.sleep(this.delays.get(index));
		}
		catch (InterruptedException ex) {
			end(index, new Ending(Event.CANCELLED, null));
			throw ex;
		}
		if (this.failAt != null && this.failAt == index) {
			JobFailure failure = new JobFailure(index);
			end(index, new Ending(Event.ERROR, failure));
			throw failure;
		}
		end(index, new Ending(Event.DONE, index));
		return index;
	}

	private void end(int index, Ending ending) {
		this.endings.set(index, ending);
		if (ending.event() != Event.CANCELLED) {
			this.completionOrder.add(index);
		}
		this.timeline.event("job-" + index, ending.event(), (ending.event() == Event.ERROR) ? ending.value() : null);
	}

	/**
	 * How each job ended, in submission order, as {@link Jobs#outcomes()}.
	 * @return one outcome per job
	 */
	List<Object> outcomes() {
		List<Object> outcomes = new ArrayList<>(this.endings.length());
		for (int i = 0; i < this.endings.length(); i++) {
			Ending ending = this.endings.get(i);
			outcomes.add((ending != null) ? ending.outcome() : "pending");
		}
		return outcomes;
	}

	/**
	 * The jobs that finished, with a value or an exception, in the order they did.
	 * @return job indexes
	 */
	List<Integer> completionOrder() {
		return List.copyOf(this.completionOrder);
	}

	long longestMs() {
		return this.delays.stream().mapToLong(Duration::toMillis).max().orElse(0);
	}

	long sumMs() {
		return this.delays.stream().mapToLong(Duration::toMillis).sum();
	}

}
