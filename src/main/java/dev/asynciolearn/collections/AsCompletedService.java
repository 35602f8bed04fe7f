package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asynciolearn.system.Until;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code for f in asyncio.as_completed(jobs, timeout=t): r = await f} is
 * {@code Flux.merge(jobs)}: results arrive in completion order, each as soon as it is
 * ready. The overall deadline is {@code Until.until(results, Mono.delay(t))} (a
 * {@code takeUntilOther} that never drops a result that meets the deadline) followed by a
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
			"until(Flux.merge(jobs), Mono.delay(t)).concatWith(timeoutErrorIfAnyLeft)");

	Flux<Completion> asCompleted(AsCompletedRequest request) {
		return Timeline.flux(AS_COMPLETED, (timeline) -> {
			Jobs jobs = new Jobs(timeline, "", request.count(), request.delayMs(), null);
			AtomicInteger position = new AtomicInteger();
			return Until.until(Flux.merge(jobs.all()), Mono.delay(Duration.ofMillis(request.timeoutMs())))
				.map((job) -> Completion.result(position.getAndIncrement(), job, timeline.elapsedMs()))
				.concatWith(Mono.defer(() -> {
					List<Integer> cancelled = cancelled(jobs.outcomes());
					if (cancelled.isEmpty()) {
						return Mono.empty();
					}
					timeline.event("as_completed", Event.TIMEOUT);
					return Mono
						.just(new Completion(Event.TIMEOUT.label(), null, null, timeline.elapsedMs(), cancelled, null));
				}));
		});
	}

	/**
	 * The jobs still running at the deadline, which Reactor cancels (as the stream ends,
	 * so some may not have recorded their cancellation yet).
	 */
	private static List<Integer> cancelled(List<Object> outcomes) {
		return IntStream.range(0, outcomes.size())
			.filter((i) -> Event.CANCELLED.label().equals(outcomes.get(i)) || "pending".equals(outcomes.get(i)))
			.boxed()
			.toList();
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
	 * @param leftRunning at the deadline, the jobs still running, which the
	 * virtual-thread twin leaves running as asyncio does
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Completion(String type, @Nullable Integer position, @Nullable Integer job, double atMs,
			@Nullable List<Integer> cancelled, @Nullable List<Integer> leftRunning) {

		static Completion result(int position, int job, double atMs) {
			return new Completion("result", position, job, atMs, null, null);
		}

	}

}
