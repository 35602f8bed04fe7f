package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.tasks.InterleaveService.InterleaveResult;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import dev.asynciolearn.timeline.VirtualThreadDemo.Group;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code example_tasks.py}'s two tasks on virtual threads: each on its own, logging a
 * step and sleeping between steps.
 * <p>
 * The difference that matters: they do not take turns, they run at once, on as many
 * carriers as there are cores. With the sleep their steps alternate only because the
 * sleeps are equal (the order of two steps in the same instant is the scheduler's);
 * without it nothing makes one task wait for the other, where in asyncio the first runs
 * to its end before the second starts. Each task's own steps keep their order.
 */
@Service
class InterleaveOnVirtualThreads {

	static final Concept INTERLEAVE = new Concept("two tasks on two virtual threads: at once, not in turns",
			"async def task(n):\n    for i in range(steps):\n        log(n, i); await asyncio.sleep(0.01)\n"
					+ "await asyncio.gather(task('a'), task('b'))",
			"for (int i = 0; i < steps; i++) { log(name, i); Thread.sleep(10); }  // a and b, a virtual thread each");

	private static final Duration PAUSE = Duration.ofMillis(10);

	Mono<Report<InterleaveResult>> interleave(InterleaveRequest request) {
		return VirtualThreadDemo.run(INTERLEAVE, (timeline) -> {
			List<String> order = new CopyOnWriteArrayList<>();
			VirtualThreadDemo.runAll(new Group("a", 1, (i) -> steps(timeline, order, "a", request)),
					new Group("b", 1, (i) -> steps(timeline, order, "b", request)));
			return new InterleaveResult(List.copyOf(order), request.suspend());
		});
	}

	private static void steps(Timeline timeline, List<String> order, String name, InterleaveRequest request)
			throws InterruptedException {
		for (int i = 0; i < request.steps(); i++) {
			order.add(name + ":" + i);
			timeline.event(name, Event.STEP, i);
			if (request.suspend()) {
				Thread.sleep(PAUSE);
			}
		}
	}

}
