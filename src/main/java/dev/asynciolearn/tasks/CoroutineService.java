package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * Chapters 1 and 2: {@code await} ({@code example_await.py}), coroutines that are never
 * awaited, and tasks that take turns on one thread ({@code example_tasks.py}).
 * <p>
 * The difference that matters: calling a coroutine function builds a coroutine object
 * that does nothing until awaited, and a {@code Mono} is the same (nothing runs until it
 * is subscribed); but {@code create_task} starts at once, which in Reactor means
 * subscribing now.
 */
@Service
class CoroutineService {

	static final Concept AWAIT = new Concept("await: suspend until another coroutine finishes",
			"async def first():\n    r = await second()\n    return r\nawait first()",
			"Mono.defer(() -> second().doOnNext((r) -> resume()))  // first = second, then the rest");

	static final Concept LAZY = new Concept("a coroutine does nothing until awaited; a task starts at once",
			"c = work()  # never awaited: never runs\nawait work()  # runs\nt = asyncio.create_task(work())  # runs soon",
			"Mono<Void> m = work();  // never subscribed: never runs\nwork().block()/then()  // runs\n"
					+ "work().toFuture()  // subscribed now: runs like a task");

	static final Concept INTERLEAVE = new Concept("two tasks take turns on one thread",
			"async def task(n):\n    for i in range(steps):\n        log(n, i); await asyncio.sleep(0.01)\n"
					+ "await asyncio.gather(task('a'), task('b'))",
			"Mono.when(task(\"a\"), task(\"b\")) with task = Flux.range(0, steps).concatMap((i) -> "
					+ "log(i).then(Mono.delay(pause, Schedulers.single())))");

	private static final Duration SECOND_TAKES = Duration.ofMillis(50);

	Mono<Report> awaitOrder() {
		return Timeline.mono(AWAIT, (timeline) -> {
			List<String> log = new CopyOnWriteArrayList<>();
			Mono<Integer> second = Mono.defer(() -> {
				step(timeline, log, "second", "start");
				return Mono.delay(SECOND_TAKES).doOnSubscribe((s) -> timeline.event("second", "suspend")).map((t) -> {
					step(timeline, log, "second", "end");
					return 2;
				});
			});
			Mono<Integer> first = Mono.defer(() -> {
				step(timeline, log, "first", "start");
				timeline.event("first", "suspend");
				return second.doOnNext((r) -> step(timeline, log, "first", "resume"));
			});
			return first.map((r) -> timeline.report(Map.of("order", log, "returned", r)));
		});
	}

	Mono<Report> lazy() {
		return Timeline.mono(LAZY, (timeline) -> {
			AtomicBoolean neverAwaited = new AtomicBoolean();
			AtomicBoolean awaited = new AtomicBoolean();
			AtomicBoolean task = new AtomicBoolean();
			Mono<Void> built = work(timeline, "never-awaited", neverAwaited);
			timeline.event("never-awaited", "built, never subscribed");
			CompletableFuture<Void> started = work(timeline, "task", task).toFuture();
			timeline.event("task", "created (subscribed now)");
			boolean taskRanBeforeAwait = task.get();
			return Mono.delay(Duration.ofMillis(10))
				.then(work(timeline, "awaited", awaited))
				.then(Mono.fromFuture(started))
				.then(Mono.fromSupplier(() -> timeline.report(Map.of("neverAwaited", Map.of("ran", neverAwaited.get()),
						"awaited", Map.of("ran", awaited.get()), "task",
						Map.of("ran", task.get(), "ranBeforeBeingAwaited", taskRanBeforeAwait), "builtButUnused",
						built.toString()))));
		});
	}

	Mono<Report> interleave(int steps, boolean suspend) {
		return Timeline.mono(INTERLEAVE, (timeline) -> {
			List<String> log = new CopyOnWriteArrayList<>();
			Scheduler loop = Schedulers.single();
			return Mono
				.when(task(timeline, log, "a", steps, suspend, loop), task(timeline, log, "b", steps, suspend, loop))
				.then(Mono.fromSupplier(() -> timeline.report(Map.of("order", log, "suspendBetweenSteps", suspend))));
		});
	}

	/**
	 * One task: log a step, then (when {@code suspend}) yield to the other task with a
	 * short non-blocking sleep on the single "loop" thread, so that the turns come in
	 * order as on asyncio's one loop.
	 */
	private static Mono<Void> task(Timeline timeline, List<String> log, String name, int steps, boolean suspend,
			Scheduler loop) {
		return Flux.range(0, steps).concatMap((i) -> {
			Mono<Void> step = Mono.fromRunnable(() -> step(timeline, log, name, String.valueOf(i)));
			return suspend ? step.then(Mono.delay(Duration.ofMillis(10), loop)).then() : step;
		}).then();
	}

	private static Mono<Void> work(Timeline timeline, String task, AtomicBoolean ran) {
		return Mono.fromRunnable(() -> {
			ran.set(true);
			timeline.event(task, "run");
		});
	}

	private static void step(Timeline timeline, List<String> log, String task, String event) {
		log.add(task + ":" + event);
		timeline.event(task, event);
	}

}
