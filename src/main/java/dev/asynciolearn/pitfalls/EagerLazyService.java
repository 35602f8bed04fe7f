package dev.asynciolearn.pitfalls;

import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code t = asyncio.create_task(expensive()); await t; await t}: nothing runs before it
 * is asked for, and a task runs its work once however often it is awaited. Two Reactor
 * habits break both. {@code Mono.just(expensive())} runs {@code expensive()} where the
 * Mono is built, subscribed or not: Java evaluates the argument first, as Python would,
 * but {@code just} wraps a value that already exists, where asyncio code would have
 * passed a coroutine that waits to be awaited. And a {@code Mono} is cold: each
 * subscriber runs its work again, where a Task runs once and gives every awaiter the same
 * result. The fixes: {@code fromCallable} (the work runs when subscribed) and
 * {@code cache()} (the Task: one run, its outcome replayed).
 */
@Service
class EagerLazyService {

	static final Concept EAGER_LAZY = new Concept("Eager against lazy, and cold publishers",
			"coro = expensive()       # nothing runs yet\nt = asyncio.create_task(expensive())\n"
					+ "await t; await t         # expensive() ran once",
			"BROKEN: Mono.just(expensive())          // runs now, subscribed or not\n"
					+ "        m = Mono.fromCallable(expensive); m.then(m)  // runs twice\n"
					+ "FIXED:  Mono.fromCallable(expensive)    // runs when subscribed\n"
					+ "        m = Mono.fromCallable(expensive).cache(); m.then(m)  // runs once");

	Mono<Report<EagerLazyResult>> run(LabRequest request) {
		return Timeline.mono(EAGER_LAZY, (timeline) -> {
			boolean broken = request.variant() == Variant.BROKEN;
			AtomicInteger unusedRuns = new AtomicInteger();
			AtomicInteger awaitedRuns = new AtomicInteger();
			Mono<String> unused = broken ? Mono.just(expensive(timeline, "never-subscribed", unusedRuns))
					: Mono.fromCallable(() -> expensive(timeline, "never-subscribed", unusedRuns));
			timeline.event("never-subscribed", Event.BUILT, "never subscribed: " + unused);
			Mono<String> work = Mono.fromCallable(() -> expensive(timeline, "awaited-twice", awaitedRuns));
			Mono<String> awaited = broken ? work : work.cache();
			timeline.event("awaited-twice", Event.BUILT, broken ? "cold: every subscriber runs it" : "cache(): a Task");
			return awaited.then(awaited)
				.then(Mono.fromSupplier(() -> new EagerLazyResult(request.variant(), unusedRuns.get(),
						awaitedRuns.get(), unusedRuns.get() == 0 && awaitedRuns.get() == 1)));
		});
	}

	private static String expensive(Timeline timeline, String task, AtomicInteger runs) {
		timeline.event(task, Event.CALL, "expensive() run " + runs.incrementAndGet());
		return "result";
	}

	/**
	 * How often the work ran.
	 *
	 * @param variant the side that ran
	 * @param runsOfTheNeverSubscribed runs of the work of a Mono built and never
	 * subscribed: 0 in asyncio, 1 with {@code Mono.just}
	 * @param runsOfTheAwaitedTwice runs of the work of a Mono subscribed twice: 1 for an
	 * asyncio Task, 2 for a cold Mono
	 * @param asAsyncioWould whether both counts are asyncio's
	 */
	record EagerLazyResult(Variant variant, int runsOfTheNeverSubscribed, int runsOfTheAwaitedTwice,
			boolean asAsyncioWould) {
	}

}
