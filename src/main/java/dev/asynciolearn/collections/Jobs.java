package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import dev.asynciolearn.system.InvalidParameter;
import dev.asynciolearn.timeline.Ending;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The study notes' {@code async def job(i, delay)}: sleep without blocking, then return
 * {@code i} or raise; one set of them per run, with how each ended and in which order.
 * <p>
 * Job 0 is the longest and the others finish in index order, so that completion order
 * differs from submission order: 3 jobs of 300 ms take 300, 100 and 200 ms, as in the
 * notes.
 */
final class Jobs {

	/** The most jobs one request may start. */
	static final int MAX_COUNT = 50;

	/** The longest a job may take. */
	static final long MAX_DELAY_MS = 10_000;

	static final String DELAY_MS = "job 0 takes delayMs, job i takes delayMs x i / count";

	private final Timeline timeline;

	private final String prefix;

	private final List<Duration> delays;

	private final @Nullable Integer failAt;

	private final AtomicReferenceArray<Ending> endings;

	private final Queue<Integer> completionOrder = new ConcurrentLinkedQueue<>();

	/**
	 * @param timeline where the jobs record what they do
	 * @param prefix the prefix of their rows, e.g. {@code "zip/"}
	 * @param count how many jobs
	 * @param delayMs the longest delay
	 * @param failAt the job that raises, if any
	 */
	Jobs(Timeline timeline, String prefix, int count, long delayMs, @Nullable Integer failAt) {
		this.timeline = timeline;
		this.prefix = prefix;
		this.delays = IntStream.range(0, count)
			.mapToObj((i) -> Duration.ofMillis((i == 0) ? delayMs : delayMs * i / count))
			.toList();
		this.failAt = failAt;
		this.endings = new AtomicReferenceArray<>(count);
	}

	/**
	 * {@code [job(i, d) for i in range(count)]}: each job, recorded on the timeline as
	 * {@code <prefix>job-<i>}; nothing runs until subscribed.
	 * @return the jobs in submission order
	 */
	List<Mono<Integer>> all() {
		List<Mono<Integer>> jobs = new ArrayList<>(this.delays.size());
		for (int i = 0; i < this.delays.size(); i++) {
			jobs.add(job(i));
		}
		return jobs;
	}

	private Mono<Integer> job(int index) {
		return Mono.delay(delay(index))
			.flatMap((tick) -> fails(index) ? Mono.<Integer>error(new JobFailure(index)) : Mono.just(index))
			.transform(this.timeline.task(this.prefix + "job-" + index, Event.START, Event.DONE,
					(ending) -> ended(index, ending)));
	}

	/**
	 * How long job {@code index} sleeps: job 0 the longest, the others in index order.
	 * @param index the job
	 * @return its delay
	 */
	Duration delay(int index) {
		return this.delays.get(index);
	}

	/**
	 * Whether job {@code index} raises instead of returning.
	 * @param index the job
	 * @return {@code true} for the job at {@code failAt}
	 */
	boolean fails(int index) {
		return this.failAt != null && this.failAt == index;
	}

	/**
	 * Record how job {@code index} ended, for {@link #outcomes()} and
	 * {@link #completionOrder()}.
	 * @param index the job
	 * @param ending its first ending
	 */
	void ended(int index, Ending ending) {
		this.endings.set(index, ending);
		if (ending.event() != Event.CANCELLED) {
			this.completionOrder.add(index);
		}
	}

	/**
	 * How many jobs there are.
	 * @return the count
	 */
	int count() {
		return this.delays.size();
	}

	/**
	 * How each job ended, in submission order: its value, its exception, or
	 * {@code "cancelled"}; {@code "pending"} while it runs.
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

	/**
	 * The rule across {@code failAt} and {@code count}: the failing job is one of the
	 * jobs.
	 * @param failAt the failing job, if any
	 * @param count how many jobs
	 * @return the problem, or {@code null}
	 */
	static @Nullable InvalidParameter checkFailAt(@Nullable Integer failAt, int count) {
		if (failAt == null || failAt < count) {
			return null;
		}
		return InvalidParameter.of("failAt",
				"must be the index of one of the count=" + count + " jobs, between 0 and " + (count - 1), failAt);
	}

	/**
	 * What a failing job raises: {@code RuntimeError(f"job {i} failed")} in the notes.
	 */
	static final class JobFailure extends RuntimeException {

		JobFailure(int index) {
			super("job " + index + " failed", null, false, false);
		}

		@Override
		public String toString() {
			return "JobFailure('" + getMessage() + "')";
		}

	}

}
