package dev.asynciolearn.pitfalls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * {@code data = await asyncio.to_thread(read)}, then {@code parse} and {@code save} on
 * the loop: asyncio has one way to move work off the loop, and it moves exactly the call
 * it is given. Reactor has two operators, and the habit of reading them as
 * {@code to_thread} picks the wrong one: {@code publishOn(boundedElastic())} after a
 * blocking step moves only what comes after it, so the read still runs on the thread that
 * subscribed (in a request, the event loop); {@code subscribeOn} moves the subscription,
 * and with it every step up to the next {@code publishOn}, wherever it is placed. The
 * read here only stands for a blocking call (it records its thread and returns): the lab
 * shows where it would run; blocking for real is lab 1's subject.
 */
@Service
class SchedulerHopService {

	static final Concept SCHEDULER_HOP = new Concept("subscribeOn against publishOn",
			"data = await asyncio.to_thread(read)   # only read() leaves the loop\nparse(data); save(data)",
			"BROKEN: Mono.just(name).map(read).publishOn(boundedElastic())  // read stays on the caller's thread\n"
					+ "FIXED:  Mono.just(name).map(read).subscribeOn(boundedElastic())  // read on boundedElastic");

	Mono<Report<SchedulerHopResult>> run(LabRequest request) {
		return Timeline.mono(SCHEDULER_HOP, (timeline) -> {
			Map<String, String> threads = new ConcurrentHashMap<>();
			String subscriber = Thread.currentThread().getName();
			// The read is a step of the pipeline, as it usually is: a publishOn straight
			// after Mono.fromCallable would move the callable too (Reactor runs it as
			// subscribeOn), which hides the habit's bug until the code changes shape.
			Mono<String> read = Mono.just("data.bin").map((name) -> stage(timeline, threads, "read", Event.CALL));
			Mono<String> offloaded = (request.variant() == Variant.BROKEN) ? read.publishOn(Schedulers.boundedElastic())
					: read.subscribeOn(Schedulers.boundedElastic());
			return offloaded.map((data) -> stage(timeline, threads, "parse", Event.STEP))
				.map((data) -> stage(timeline, threads, "save", Event.STEP))
				.map((data) -> new SchedulerHopResult(request.variant(), subscriber, threads.get("read"),
						threads.get("parse"), threads.get("save"), !threads.get("read").equals(subscriber)));
		});
	}

	private static String stage(Timeline timeline, Map<String, String> threads, String stage, Event event) {
		threads.put(stage, Thread.currentThread().getName());
		timeline.event(stage, event);
		return stage;
	}

	/**
	 * Which thread ran each stage.
	 *
	 * @param variant the side that ran
	 * @param subscribedOn the thread that subscribed (in a request, its event loop)
	 * @param readOn the thread of the stage meant to leave the caller's thread
	 * @param parseOn the thread of the next stage
	 * @param saveOn the thread of the last stage
	 * @param readOffloaded whether the read left the subscriber's thread, as
	 * {@code to_thread} would have made it
	 */
	record SchedulerHopResult(Variant variant, String subscribedOn, String readOn, String parseOn, String saveOn,
			boolean readOffloaded) {
	}

}
