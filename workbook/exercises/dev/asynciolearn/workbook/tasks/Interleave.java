package dev.asynciolearn.workbook.tasks;

import java.util.function.Consumer;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Exercise: two tasks take turns on one thread ({@code interleave}).
 *
 * <pre>
 * async def task(name, steps):
 *     for i in range(steps):
 *         log(f"{name}:{i}")
 *         await asyncio.sleep(0.01)
 *
 * await asyncio.gather(task("a", 3), task("b", 3))   # a:0 b:0 a:1 b:1 a:2 b:2
 * </pre>
 *
 * Must hold: with two tasks run together on {@code loop} (the grader runs
 * {@code Mono.when(task("a", ...), task("b", ...)).subscribeOn(loop)}), the steps
 * alternate {@code a:0 b:0 a:1 b:1 a:2 b:2}, because each task suspends after each step
 * and lets the other run; every step runs on the one thread of {@code loop}, as every
 * coroutine runs on asyncio's one loop thread; calling {@code task(...)} runs nothing (it
 * is the coroutine object), subscribing runs the steps in order and completes after the
 * last.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=InterleaveExercise}. Compare:
 * {@code InterleaveService} and {@code GET /api/tasks/interleave}.
 */
public class Interleave {

	/**
	 * One task: {@code steps} steps, each logged as {@code name + ":" + i} and followed
	 * by a suspension that gives the loop back (asyncio sleeps 10 ms; any pause that
	 * holds no thread will do).
	 * @param name the task's name, e.g. {@code "a"}
	 * @param steps how many steps
	 * @param log where each step is logged, e.g. {@code "a:0"}
	 * @param loop the single-threaded scheduler that plays asyncio's event loop
	 * @return the task, not yet started
	 */
	public Mono<Void> task(String name, int steps, Consumer<String> log, Scheduler loop) {
		throw new NotDoneYet("Interleave");
	}

}
