package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
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

	Mono<Report<ContextManagerResult>> run(ContextManagerRequest request) {
		return Timeline.mono(CONTEXT_MANAGER, (timeline) -> {
			AtomicBoolean exitCalled = new AtomicBoolean();
			Mono<String> block = Mono.usingWhen(enter(timeline),
					(session) -> body(timeline, session, request.failInside()),
					(session) -> exit(timeline, exitCalled, "no exception"),
					(session, error) -> exit(timeline, exitCalled, "with " + error),
					(session) -> exit(timeline, exitCalled, "on cancellation"));
			if (request.timeoutMs() != null) {
				block = block.timeout(Duration.ofMillis(request.timeoutMs()));
			}
			return block.map((value) -> new ContextManagerResult(value, null, exitCalled.get()))
				.onErrorResume((error) -> Mono.fromSupplier(() -> new ContextManagerResult(null,
						(error instanceof TimeoutException) ? "cancelled by timeout" : error.toString(),
						exitCalled.get())));
		});
	}

	private static Mono<String> enter(Timeline timeline) {
		return Mono.delay(STEP).thenReturn("session").transform(timeline.task("__aenter__", Event.START, Event.DONE));
	}

	private static Mono<String> body(Timeline timeline, String session, boolean failInside) {
		return Mono.delay(STEP.multipliedBy(2)).flatMap((tick) -> {
			if (failInside) {
				return Mono.<String>error(new IllegalStateException("raised inside 'async with'"));
			}
			return Mono.just(session + " used");
		}).transform(timeline.task("body", Event.START, Event.DONE));
	}

	private static Mono<Void> exit(Timeline timeline, AtomicBoolean called, String how) {
		return Mono.delay(STEP).doOnSubscribe((s) -> {
			called.set(true);
			timeline.event("__aexit__", Event.CALL, how);
		}).doOnNext((tick) -> timeline.event("__aexit__", Event.DONE)).then();
	}

	/**
	 * What the block gave.
	 *
	 * @param result the body's value, when it succeeded
	 * @param error the error or cancellation that ended the block, if any
	 * @param exitCalled whether {@code __aexit__} was called
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ContextManagerResult(@Nullable String result, @Nullable String error, boolean exitCalled) {
	}

}
