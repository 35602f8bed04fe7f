package dev.asynciolearn.workbook;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.system.RunLimit;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What a learner's exercise gave when the app ran it as a demo ({@code -Pworkbook}): its
 * value, or what it raised, for the explorer to draw beside the reference run.
 *
 * @param <T> the exercise's value
 * @param result its value, if it gave one
 * @param raised what it raised instead, as {@code toString()} shows it
 */
public record Attempt<T>(@Nullable T result, @Nullable String raised) {

	/** The timeline row of the exercise's own outcome. */
	public static final String ROW = "exercise";

	/** How long a learner's exercise may run: an exercise that never ends is reported. */
	static final Duration LIMIT = Duration.ofMillis(RunLimit.MAX_MS);

	/**
	 * The concept of a demo, as the learner's exercise runs it.
	 * @param demo the demo beside it
	 * @param method the learner's method, e.g. {@code "Gather#gather"}
	 * @return the demo's name and asyncio code, the learner's method for its Reactor code
	 */
	public static Concept yours(Concept demo, String method) {
		return new Concept(demo.name() + " (your " + method + ", workbook)", demo.asyncio(),
				method + " in workbook/exercises");
	}

	/**
	 * Run an exercise on a new timeline, once per subscription: its outcome is recorded
	 * on the {@value #ROW} row and becomes the report's result. An exercise not yet
	 * written is a {@code 501} problem that says how to write and grade it; one that has
	 * not ended after {@link #LIMIT} is reported as having raised a
	 * {@code TimeoutException}.
	 * @param <T> the exercise's value
	 * @param concept what the exercise teaches
	 * @param exercise calls the learner's method with inputs that record on the timeline
	 * @return the deferred report
	 */
	public static <T> Mono<Report<Attempt<T>>> run(Concept concept, Function<Timeline, Mono<T>> exercise) {
		return Timeline.mono(concept,
				(timeline) -> Mono.defer(() -> exercise.apply(timeline))
					.timeout(LIMIT,
							Mono.error(() -> new TimeoutException("the exercise did not end within " + LIMIT.toMillis()
									+ " ms (the longest any demo may run)")))
					.map((value) -> new Attempt<T>(value, null))
					.defaultIfEmpty(new Attempt<>(null, null))
					.doOnNext((attempt) -> timeline.event(ROW, Event.DONE))
					.onErrorResume((error) -> !(error instanceof NotDoneYet), (error) -> {
						timeline.event(ROW, Event.ERROR, error.toString());
						return Mono.just(new Attempt<>(null, error.toString()));
					})
					.onErrorMap(NotDoneYet.class,
							(notDone) -> ApiProblem.notImplemented("Exercise not done yet", notDone.getMessage())));
	}

}
