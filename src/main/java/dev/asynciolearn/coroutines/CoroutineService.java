package dev.asynciolearn.coroutines;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Chapter 1: {@code await} ({@code example_await.py}), and coroutines that are never
 * awaited.
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

	private static final Duration SECOND_TAKES = Duration.ofMillis(50);

	Mono<Report<AwaitResult>> awaitOrder() {
		return Timeline.mono(AWAIT, (timeline) -> {
			List<String> order = new CopyOnWriteArrayList<>();
			Mono<Integer> second = Mono.defer(() -> {
				step(timeline, order, "second", Event.START, "start");
				return Mono.delay(SECOND_TAKES)
					.doOnSubscribe((s) -> timeline.event("second", Event.SUSPEND))
					.map((t) -> {
						step(timeline, order, "second", Event.DONE, "end");
						return 2;
					});
			});
			Mono<Integer> first = Mono.defer(() -> {
				step(timeline, order, "first", Event.START, "start");
				timeline.event("first", Event.SUSPEND);
				return second.doOnNext((r) -> step(timeline, order, "first", Event.RESUME, "resume"));
			});
			return first.map((returned) -> new AwaitResult(List.copyOf(order), returned));
		});
	}

	Mono<Report<LazyResult>> lazy() {
		return Timeline.mono(LAZY, (timeline) -> {
			AtomicBoolean neverAwaited = new AtomicBoolean();
			AtomicBoolean awaited = new AtomicBoolean();
			AtomicBoolean task = new AtomicBoolean();
			Mono<Void> built = work(timeline, "never-awaited", neverAwaited);
			timeline.event("never-awaited", Event.BUILT, "never subscribed");
			timeline.event("task", Event.CALL, "create_task(): subscribed now");
			CompletableFuture<Void> started = work(timeline, "task", task).toFuture();
			boolean taskRanBeforeAwait = task.get();
			return Mono.delay(Duration.ofMillis(10))
				.then(work(timeline, "awaited", awaited))
				.then(Mono.fromFuture(started))
				.then(Mono.fromSupplier(
						() -> new LazyResult(new LazyResult.Ran(neverAwaited.get()), new LazyResult.Ran(awaited.get()),
								new LazyResult.TaskRan(task.get(), taskRanBeforeAwait), built.toString())));
		});
	}

	private static Mono<Void> work(Timeline timeline, String task, AtomicBoolean ran) {
		return Mono.fromRunnable(() -> {
			ran.set(true);
			timeline.event(task, Event.START);
		});
	}

	private static void step(Timeline timeline, List<String> order, String task, Event event, String printed) {
		order.add(task + ":" + printed);
		timeline.event(task, event);
	}

	/**
	 * What the two coroutines printed.
	 *
	 * @param order their prints, in order: the first resumes only after the second ends
	 * @param returned what {@code await first()} returned
	 */
	record AwaitResult(List<String> order, int returned) {
	}

	/**
	 * Which of the three ran.
	 *
	 * @param neverAwaited a Mono built and never subscribed
	 * @param awaited a Mono subscribed by the pipeline
	 * @param task a Mono subscribed at once, like {@code create_task}
	 * @param builtButUnused what the unused Mono is: an object, nothing more
	 */
	record LazyResult(Ran neverAwaited, Ran awaited, TaskRan task, String builtButUnused) {

		/**
		 * @param ran whether its work ran
		 */
		record Ran(boolean ran) {
		}

		/**
		 * @param ran whether its work ran
		 * @param ranBeforeBeingAwaited whether it ran before anything awaited it
		 */
		record TaskRan(boolean ran, boolean ranBeforeBeingAwaited) {
		}

	}

}
