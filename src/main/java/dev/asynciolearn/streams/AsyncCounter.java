package dev.asynciolearn.streams;

import java.time.Duration;

import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;

/**
 * The study notes' hand-written async iterator ({@code example_iterator.py}):
 * {@code __aiter__} returns itself, {@code __anext__} awaits a little and returns the
 * next number, or raises {@code StopAsyncIteration} (here: an empty {@code Mono}) when
 * there are no more.
 */
final class AsyncCounter {

	private final int count;

	private final Duration delay;

	private final Timeline timeline;

	private int next;

	AsyncCounter(int count, Duration delay, Timeline timeline) {
		this.count = count;
		this.delay = delay;
		this.timeline = timeline;
	}

	/**
	 * {@code async def __anext__(self)}.
	 * @return the next number after the delay, or empty once exhausted
	 */
	Mono<Integer> anext() {
		if (this.next >= this.count) {
			this.timeline.event("__anext__", Event.DONE, "StopAsyncIteration");
			return Mono.empty();
		}
		int value = this.next++;
		this.timeline.event("__anext__", Event.CALL, value);
		return Mono.delay(this.delay).thenReturn(value);
	}

	/** How many times {@link #anext()} produced a value. */
	int produced() {
		return this.next;
	}

}
