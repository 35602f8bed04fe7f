package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * The study notes' {@code async def job(i, delay)}: sleep without blocking, then return
 * {@code i} or raise.
 */
final class Jobs {

	private Jobs() {
	}

	/**
	 * Delays for {@code count} jobs where job 0 is the longest and the others finish in
	 * index order, so that completion order differs from submission order: 3 jobs of 300
	 * ms take 300, 100 and 200 ms, as in the notes.
	 * @param count how many jobs
	 * @param delayMs the longest delay
	 * @return one delay per job
	 */
	static List<Duration> delays(int count, long delayMs) {
		List<Duration> delays = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			delays.add(Duration.ofMillis((i == 0) ? delayMs : delayMs * i / count));
		}
		return delays;
	}

	/**
	 * {@code await asyncio.sleep(delay); if fail: raise ...; return i}, recorded on the
	 * timeline as {@code <prefix>job-<i>}.
	 */
	static Mono<Integer> job(Timeline timeline, String prefix, int index, Duration delay, boolean fail) {
		String task = prefix + "job-" + index;
		return Mono.delay(delay)
			.doOnSubscribe((s) -> timeline.event(task, "start"))
			.flatMap((tick) -> fail ? Mono.<Integer>error(new JobFailure(index)) : Mono.just(index))
			.doOnNext((value) -> timeline.event(task, "done"))
			.doOnError((error) -> timeline.event(task, "error"))
			// doFinally sees the first of complete, error and cancel: a cancel after the
			// job is done does not count.
			.doFinally((signal) -> {
				if (signal == SignalType.CANCEL) {
					timeline.event(task, "cancelled");
				}
			});
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
