package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code await asyncio.wait_for(aw, timeout)} is {@link Mono#timeout(Duration)}: the
 * awaited work either finishes in time, or is cancelled at the limit and the caller gets
 * {@code TimeoutError}.
 * <p>
 * The difference that matters: in asyncio the cancellation is a {@code CancelledError}
 * raised inside the awaited coroutine (which may catch it); in Reactor it is a cancel
 * signal sent up the pipeline, which the work cannot refuse.
 */
@Service
class WaitForService {

	static final Concept WAIT_FOR = new Concept("wait_for: a deadline for one awaitable, which is cancelled at it",
			"try:\n    r = await asyncio.wait_for(work(), timeout)\nexcept asyncio.TimeoutError: ...",
			"work().timeout(limit).onErrorResume(TimeoutException.class, ...)");

	Mono<Report> waitFor(Duration work, Duration limit) {
		return Timeline.mono(WAIT_FOR, (timeline) -> {
			AtomicBoolean innerCancelled = new AtomicBoolean();
			return Mono.delay(work)
				.doOnSubscribe((s) -> timeline.event("inner", "start"))
				.doOnNext((tick) -> timeline.event("inner", "done"))
				.doOnCancel(() -> {
					innerCancelled.set(true);
					timeline.event("inner", "cancelled");
				})
				.timeout(limit)
				.map((tick) -> outcome("done", innerCancelled))
				.onErrorResume(TimeoutException.class, (ex) -> {
					timeline.event("wait_for", "TimeoutError");
					return Mono.just(outcome("TimeoutError", innerCancelled));
				})
				.map(timeline::report);
		});
	}

	private static Map<String, Object> outcome(String outcome, AtomicBoolean innerCancelled) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("outcome", outcome);
		result.put("innerCancelled", innerCancelled.get());
		return result;
	}

}
