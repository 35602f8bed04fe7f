package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code async with Session() as s:} ({@code example_context_manager.py}, without the
 * database): {@code __aenter__} awaits while the resource opens, the body awaits,
 * {@code __aexit__} awaits while it closes, on success, on error and on cancellation:
 * {@code Mono.usingWhen(enter, body, exit, exitOnError, exitOnCancel)}.
 * <p>
 * The difference that matters: {@code __aexit__} receives the exception and can suppress
 * it by returning true; {@code usingWhen}'s cleanups cannot, the error (or the
 * cancellation) carries on once they finish.
 */
@Service
class ContextManagerService {

	static final Concept CONTEXT_MANAGER = new Concept("async with: __aenter__, body, __aexit__ always",
			"async with Session() as s:\n    await s.work()",
			"Mono.usingWhen(enter(), (s) -> s.work(), (s) -> exit(s), (s, error) -> exit(s), (s) -> exit(s))");

	static final Duration STEP = Duration.ofMillis(50);

	Mono<Report> run(boolean failInside, @Nullable Duration timeout) {
		return Timeline.mono(CONTEXT_MANAGER, (timeline) -> {
			Mono<String> block = Mono.usingWhen(enter(timeline), (session) -> body(timeline, session, failInside),
					(session) -> exit(timeline, "called, no exception"),
					(session, error) -> exit(timeline, "called with " + error),
					(session) -> exit(timeline, "called on cancellation"));
			if (timeout != null) {
				block = block.timeout(timeout);
			}
			return block.map((value) -> outcome(value, null))
				.onErrorResume((error) -> Mono.just(
						outcome(null, (error instanceof TimeoutException) ? "cancelled by timeout" : error.toString())))
				.map(timeline::report);
		});
	}

	private static Mono<String> enter(Timeline timeline) {
		return Mono.delay(STEP).doOnSubscribe((s) -> timeline.event("__aenter__", "opening")).map((tick) -> {
			timeline.event("__aenter__", "open");
			return "session";
		});
	}

	private static Mono<String> body(Timeline timeline, String session, boolean failInside) {
		return Mono.delay(STEP.multipliedBy(2))
			.doOnSubscribe((s) -> timeline.event("body", "start"))
			.flatMap((tick) -> {
				if (failInside) {
					timeline.event("body", "raise");
					return Mono.error(new IllegalStateException("raised inside 'async with'"));
				}
				timeline.event("body", "done");
				return Mono.just(session + " used");
			});
	}

	private static Mono<Void> exit(Timeline timeline, String how) {
		return Mono.delay(STEP)
			.doOnSubscribe((s) -> timeline.event("__aexit__", how))
			.doOnNext((tick) -> timeline.event("__aexit__", "closed"))
			.then();
	}

	private static Map<String, Object> outcome(@Nullable String value, @Nullable String error) {
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("result", value);
		outcome.put("error", error);
		outcome.put("exitRan", true);
		return outcome;
	}

}
