package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.sync.EventService.EventResult;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import dev.asynciolearn.timeline.VirtualThreadDemo.Group;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code asyncio.Event} on virtual threads is a {@link LatchEvent}, a
 * {@code CountDownLatch} of one: each waiter blocks in {@code await()} on a virtual
 * thread of its own, and one {@code countDown()} releases them all.
 * <p>
 * The difference that matters: set() makes every waiter runnable at once, but they go on
 * only as carriers come free, a few at a time, where asyncio's loop resumes them one
 * after another in one turn; and Java has no resettable latch, so {@code clear()} is a
 * new one.
 */
@Service
class EventOnVirtualThreads {

	static final Concept EVENT = new Concept(
			"Event on virtual threads: one countDown() releases every waiter; clear() is a new latch",
			"ev = asyncio.Event()\nawait asyncio.gather(*[ev.wait() for _ in range(n)], set_later())\nev.clear()",
			"latch.await();  // n waiters, one virtual thread each\nlatch.countDown();  // set()");

	Mono<Report<EventResult>> run(EventRequest request) {
		return VirtualThreadDemo.run(EVENT, (timeline) -> run(request, timeline));
	}

	/**
	 * The demo itself, on the calling thread.
	 */
	EventResult run(EventRequest request, Timeline timeline) throws InterruptedException {
		int waiters = request.waiters();
		LatchEvent event = new LatchEvent();
		List<Double> releasedAt = new CopyOnWriteArrayList<>();
		VirtualThreadDemo.runAll(new Group("waiter-", waiters, (i) -> {
			timeline.event("waiter-" + i, Event.WAIT);
			event.await();
			releasedAt.add(timeline.elapsedMs());
			timeline.event("waiter-" + i, Event.RESUME);
		}), new Group("setter", 1, (i) -> {
			Thread.sleep(Duration.ofMillis(request.setAfterMs()));
			timeline.event("setter", Event.CALL, "set()");
			event.set();
		}));
		event.clear();
		timeline.event("setter", Event.CALL, "clear()");
		timeline.event("late-waiter", Event.WAIT);
		boolean lateStillWaiting = !event.await(EventService.LATE_WAITER_GIVEN);
		return new EventResult(waiters, releasedAt.size(),
				releasedAt.stream().mapToDouble(Double::doubleValue).min().orElse(0), EventService.spread(releasedAt),
				lateStillWaiting);
	}

}
