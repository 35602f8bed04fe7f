package dev.asynciolearn.workbook.pitfalls;

import java.util.concurrent.Callable;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Pitfall lab: eager, lazy and cold ({@code eager-lazy}).
 *
 * <pre>
 * coro = expensive()                     # nothing runs yet: a coroutine waits to be awaited
 * t = asyncio.create_task(expensive())
 * await t; await t                       # expensive() ran once; both awaits get its result
 * </pre>
 *
 * Here the point is the second half, one run shared by every awaiter; when it starts
 * differs: {@code create_task} starts the work at once (the {@code CreateTask} exercise
 * does that), the Reactor idiom asked for here starts it with its first subscriber.
 *
 * The habits carried over (BROKEN):
 *
 * <pre>
 * Mono.just(expensive.call())     // lazy(): Java runs expensive() to build the Mono, subscribed or not
 * Mono.fromCallable(expensive)    // task(): cold, every subscriber runs expensive() again
 * </pre>
 *
 * The symptoms: the work of a Mono nobody subscribes runs anyway, and a Mono subscribed
 * twice runs its work twice where a Task ran once. Write the fixes.
 * <p>
 * Must hold: {@code lazy} runs nothing when it is called, and runs the work when
 * subscribed, giving its result; {@code task} runs nothing when it is called (it starts
 * with its first subscriber, not at creation), then runs the work once
 * however many subscribe, each getting the same result; and when that one run fails,
 * every subscriber gets the same error, still from one run.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=EagerLazyLabExercise}. Compare:
 * {@code EagerLazyService} and {@code GET /api/pitfalls/eager-lazy?variant=FIXED}.
 */
public class EagerLazyLab {

	/**
	 * {@code coro = expensive()}: nothing runs until it is awaited.
	 * @param expensive the work
	 * @return a Mono that runs the work when subscribed
	 */
	public Mono<String> lazy(Callable<String> expensive) {
		throw new NotDoneYet("EagerLazyLab");
	}

	/**
	 * {@code t = asyncio.create_task(expensive())}, started by its first awaiter: one
	 * run, its outcome for every awaiter.
	 * @param expensive the work
	 * @return a Mono that runs the work once, at its first subscriber, and gives every
	 * subscriber that run's outcome
	 */
	public Mono<String> task(Callable<String> expensive) {
		throw new NotDoneYet("EagerLazyLab");
	}

}
