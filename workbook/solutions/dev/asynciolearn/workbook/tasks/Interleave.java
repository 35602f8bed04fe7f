package dev.asynciolearn.workbook.tasks;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The reference solution of the {@code interleave} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class Interleave {

	private static final Duration PAUSE = Duration.ofMillis(10);

	/**
	 * One task: {@code concatMap} runs the steps one after another, and each step's
	 * {@code Mono.delay} on {@code loop} is the {@code await asyncio.sleep}: a timer on
	 * the loop's one thread, which is free meanwhile to run the other task's step.
	 * Without the scheduler the pause would end on a {@code parallel-*} timer thread.
	 * @param name the task's name, e.g. {@code "a"}
	 * @param steps how many steps
	 * @param log where each step is logged, e.g. {@code "a:0"}
	 * @param loop the single-threaded scheduler that plays asyncio's event loop
	 * @return the task, not yet started
	 */
	public Mono<Void> task(String name, int steps, Consumer<String> log, Scheduler loop) {
		return Flux.range(0, steps)
			.concatMap((i) -> Mono.fromRunnable(() -> log.accept(name + ":" + i)).then(Mono.delay(PAUSE, loop)))
			.then();
	}

}
