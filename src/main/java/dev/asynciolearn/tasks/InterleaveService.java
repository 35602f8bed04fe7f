package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * Two tasks that take turns on one thread ({@code example_tasks.py}): each prints a step
 * and suspends, and the other runs meanwhile.
 * <p>
 * The difference that matters: asyncio has one loop thread by construction; Reactor has
 * many, so both tasks start on {@code Schedulers.single()}, the one thread that plays the
 * loop, and their pauses are timers on it. Without the pause, a task runs to its end
 * before the other starts, as the notes warn.
 */
@Service
class InterleaveService {

	static final Concept INTERLEAVE = new Concept("two tasks take turns on one thread",
			"async def task(n):\n    for i in range(steps):\n        log(n, i); await asyncio.sleep(0.01)\n"
					+ "await asyncio.gather(task('a'), task('b'))",
			"Mono.when(task(\"a\"), task(\"b\")).subscribeOn(Schedulers.single()) with task = Flux.range(0, steps).concatMap((i) -> "
					+ "log(i).then(Mono.delay(pause, Schedulers.single())))");

	private static final Duration PAUSE = Duration.ofMillis(10);

	Mono<Report<InterleaveResult>> interleave(InterleaveRequest request) {
		return Timeline.mono(INTERLEAVE, (timeline) -> {
			List<String> order = new CopyOnWriteArrayList<>();
			Scheduler loop = Schedulers.single();
			return Mono.when(task(timeline, order, "a", request, loop), task(timeline, order, "b", request, loop))
				.subscribeOn(loop)
				.then(Mono.fromSupplier(() -> new InterleaveResult(List.copyOf(order), request.suspend())));
		});
	}

	/**
	 * One task: log a step, then (when suspending) yield to the other task with a short
	 * non-blocking sleep on the single "loop" thread, so that the turns come in order as
	 * on asyncio's one loop.
	 */
	private static Mono<Void> task(Timeline timeline, List<String> order, String name, InterleaveRequest request,
			Scheduler loop) {
		return Flux.range(0, request.steps()).concatMap((i) -> {
			Mono<Void> step = Mono.fromRunnable(() -> {
				order.add(name + ":" + i);
				timeline.event(name, Event.STEP, i);
			});
			return request.suspend() ? step.then(Mono.delay(PAUSE, loop)).then() : step;
		}).then();
	}

	/**
	 * The tasks' prints.
	 *
	 * @param order {@code task:step}, in the order they ran
	 * @param suspendBetweenSteps whether each step was followed by an await
	 */
	record InterleaveResult(List<String> order, boolean suspendBetweenSteps) {
	}

}
