package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
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

	Mono<Report<WaitForResult>> waitFor(WaitForRequest request) {
		return Timeline.mono(WAIT_FOR, (timeline) -> {
			AtomicBoolean cancelled = new AtomicBoolean();
			return Mono.delay(Duration.ofMillis(request.delayMs()))
				.transform(timeline.task("inner", Event.START, Event.DONE,
						(ending) -> cancelled.set(ending.event() == Event.CANCELLED)))
				.timeout(Duration.ofMillis(request.timeoutMs()))
				.map((tick) -> new WaitForResult("done", cancelled.get()))
				.onErrorResume(TimeoutException.class, (ex) -> {
					timeline.event("wait_for", Event.TIMEOUT);
					return Mono.just(new WaitForResult(Event.TIMEOUT.label(), cancelled.get()));
				});
		});
	}

}
