package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code asyncio.Event}: many waiters, all released together by one {@code set()}; after
 * {@code clear()} a new waiter waits again. (The start-up gate of the database chapter is
 * one of these.)
 */
@Service
class EventService {

	static final Concept EVENT = new Concept("Event: set() releases every waiter; clear() makes new ones wait",
			"ev = asyncio.Event()\nawait asyncio.gather(*[ev.wait() for _ in range(n)], set_later())\nev.clear()",
			"ReactiveEvent: await() = Sinks.empty().asMono(), set() = tryEmitEmpty(), clear() = a new sink");

	static final Duration LATE_WAITER_GIVEN = Duration.ofMillis(50);

	Mono<Report<EventResult>> run(EventRequest request) {
		int waiters = request.waiters();
		Duration setAfter = Duration.ofMillis(request.setAfterMs());
		return Timeline.mono(EVENT, (timeline) -> {
			ReactiveEvent event = new ReactiveEvent();
			List<Double> releasedAt = new CopyOnWriteArrayList<>();
			Flux<Void> waiting = Flux.range(0, waiters)
				.flatMap((i) -> event.await()
					.doOnSubscribe((s) -> timeline.event("waiter-" + i, Event.WAIT))
					.doOnSuccess((done) -> {
						releasedAt.add(timeline.elapsedMs());
						timeline.event("waiter-" + i, Event.RESUME);
					}), waiters);
			Mono<Void> setter = Mono.delay(setAfter).doOnNext((tick) -> {
				timeline.event("setter", Event.CALL, "set()");
				event.set();
			}).then();
			return Mono.when(waiting, setter).then(Mono.defer(() -> {
				event.clear();
				timeline.event("setter", Event.CALL, "clear()");
				return event.await()
					.doOnSubscribe((s) -> timeline.event("late-waiter", Event.WAIT))
					.thenReturn(false)
					.timeout(LATE_WAITER_GIVEN, Mono.just(true));
			}))
				.map((lateStillWaiting) -> new EventResult(waiters, releasedAt.size(),
						releasedAt.stream().mapToDouble(Double::doubleValue).min().orElse(0), spread(releasedAt),
						lateStillWaiting));
		});
	}

	static double spread(List<Double> times) {
		double max = times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		double min = times.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		return Math.round((max - min) * 1000) / 1000.0;
	}

	/**
	 * When the waiters went on.
	 *
	 * @param waiters coroutines that awaited the event
	 * @param released how many set() released
	 * @param releasedAfterMs when the first went on, since the start: at set()
	 * @param releaseSpreadMs between the first and the last to go on
	 * @param afterClearWaits whether a new waiter waits after clear()
	 */
	record EventResult(int waiters, int released, double releasedAfterMs, double releaseSpreadMs,
			boolean afterClearWaits) {
	}

}
