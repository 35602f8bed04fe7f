package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code for f in asyncio.as_completed(jobs, timeout=t): r = await f} is
 * {@code Flux.merge(jobs)}: results arrive in completion order, each as soon as it is
 * ready. The overall deadline is {@code takeUntilOther(Mono.delay(t))} followed by a
 * {@code TimeoutError} event.
 * <p>
 * The difference that matters: {@code Flux.timeout(t)} is an idle timeout (the time
 * between two results), not {@code as_completed}'s deadline for the whole; and at the
 * deadline Reactor cancels the jobs still running, where asyncio leaves their tasks
 * running.
 */
@Service
class AsCompletedService {

	static final Concept AS_COMPLETED = new Concept("as_completed: results in completion order, one deadline for all",
			"for f in asyncio.as_completed(jobs, timeout=t):\n    print(await f)",
			"Flux.merge(jobs).takeUntilOther(Mono.delay(t)).concatWith(timeoutErrorIfAnyLeft)");

	Flux<Completion> asCompleted(int count, long delayMs, Duration deadline) {
		return Timeline.flux(AS_COMPLETED, (timeline) -> {
			List<Duration> delays = Jobs.delays(count, delayMs);
			Set<Integer> pending = new ConcurrentSkipListSet<>();
			List<Mono<Integer>> jobs = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				pending.add(i);
				jobs.add(Jobs.job(timeline, "", i, delays.get(i), false));
			}
			int[] position = { 0 };
			return Flux.merge(jobs).map((job) -> {
				pending.remove(job);
				return new Completion("result", position[0]++, job, timeline.elapsedMs(), null);
			})
				.takeUntilOther(Mono.delay(deadline))
				.concatWith(Mono.defer(() -> pending.isEmpty() ? Mono.empty() : Mono.just(new Completion("TimeoutError",
						null, null, timeline.elapsedMs(), new ArrayList<>(new TreeSet<>(pending))))));
		});
	}

	/**
	 * One event of the stream.
	 *
	 * @param type {@code result}, or {@code TimeoutError} at the deadline (the last event
	 * then)
	 * @param position 0 for the first result to complete, 1 for the next...
	 * @param job which job completed (its index, also its value)
	 * @param atMs when, since the stream started
	 * @param cancelled at the deadline, the jobs still running, which Reactor cancels
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Completion(String type, @Nullable Integer position, @Nullable Integer job, double atMs,
			@Nullable List<Integer> cancelled) {
	}

}
