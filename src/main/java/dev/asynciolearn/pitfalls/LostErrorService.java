package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code asyncio.create_task(audit(order))} and never awaiting it: when the task fails,
 * asyncio logs "Task exception was never retrieved" once the task is collected, and the
 * caller never learns. Reactor's twin is {@code audit(order).subscribe()} with no error
 * handler: the error goes to the {@code onErrorDropped} hook ("Operator called default
 * onErrorDropped" in the log) and the caller answers as if all went well. The fix is the
 * asyncio one too: await it, here by returning the publisher into the pipeline, where an
 * error reaches the caller or a handler.
 */
@Service
class LostErrorService {

	static final Concept LOST_ERROR = new Concept("Errors that vanish",
			"asyncio.create_task(audit(order))   # never awaited\n# 'Task exception was never retrieved'",
			"BROKEN: audit(order).subscribe()  // no error handler: onErrorDropped\n"
					+ "FIXED:  audit(order).then(Mono.just(\"ok\"))  // the error reaches the caller");

	static final Duration AUDIT_TAKES = Duration.ofMillis(10);

	/**
	 * How long the lab looks for the drop: the audit fails after {@link #AUDIT_TAKES}.
	 */
	static final Duration WATCH = Duration.ofMillis(500);

	/**
	 * @param droppedErrors the hook that tells a {@link LostError} it was dropped,
	 * installed by then
	 */
	LostErrorService(DroppedErrors droppedErrors) {
	}

	Mono<Report<LostErrorResult>> run(LabRequest request) {
		return Timeline.mono(LOST_ERROR, (timeline) -> {
			LostError error = new LostError("audit(order) failed");
			Mono<Void> audit = Mono.delay(AUDIT_TAKES).then(Mono.error(error));
			if (request.variant() == Variant.BROKEN) {
				timeline.event("audit", Event.CALL, "subscribe(): fire and forget");
				audit.subscribe();
				timeline.event("request", Event.DONE, "ok");
				return Mono.fromFuture(error.dropped())
					.doOnNext((hook) -> timeline.event("audit", Event.ERROR, "dropped: " + hook))
					.map((hook) -> new LostErrorResult(Variant.BROKEN, "ok", null, hook))
					.timeout(WATCH, Mono.just(new LostErrorResult(Variant.BROKEN, "ok", null, null)));
			}
			timeline.event("audit", Event.CALL, "returned into the pipeline");
			return audit.then(Mono.just(new LostErrorResult(Variant.FIXED, "ok", null, null)))
				.onErrorResume(LostError.class, (failure) -> {
					timeline.event("audit", Event.ERROR, failure.getMessage());
					return Mono.just(new LostErrorResult(Variant.FIXED, "failed", failure.getMessage(), null));
				});
		});
	}

	/**
	 * What the caller got, and where the error went.
	 *
	 * @param variant the side that ran
	 * @param callerGot what the request answered: {@code ok} though the audit failed, or
	 * {@code failed}
	 * @param callerLearned the audit's error, when it reached the caller
	 * @param droppedBy the hook that swallowed the error, when nobody took it
	 */
	record LostErrorResult(Variant variant, String callerGot, @Nullable String callerLearned,
			@Nullable String droppedBy) {
	}

}
