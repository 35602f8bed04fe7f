package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import org.springframework.stereotype.Service;

/**
 * {@code async with Session() as s:} ({@code example_context_manager.py}, without the
 * database): {@code __aenter__} awaits while the resource opens, the body awaits,
 * {@code __aexit__} awaits while it closes, on success, on error and on cancellation:
 * {@code Mono.usingWhen(enter, body, exit, exitOnError, exitOnCancel)}.
 * <p>
 * The difference that matters: {@code __aexit__} receives the exception and can suppress
 * it by returning true; {@code usingWhen}'s cleanups cannot, the error (or the
 * cancellation) carries on once they finish. And at a deadline asyncio raises
 * {@code CancelledError} inside {@code __aexit__}, where Reactor lets a cleanup that has
 * begun run to its end after the answer has gone: the report says whether
 * {@code __aexit__} had finished by then.
 */
@Service
class ContextManagerService {

	static final Concept CONTEXT_MANAGER = new Concept("async with: __aenter__, body, __aexit__ always",
			"async with Session() as s:\n    await s.work()",
			"Mono.usingWhen(enter(), (s) -> s.work(), (s) -> exit(s), (s, error) -> exit(s), (s) -> exit(s))");

	static final Duration STEP = Duration.ofMillis(50);

	Mono<Report<ContextManagerResult>> run(ContextManagerRequest request) {
		return Timeline.mono(CONTEXT_MANAGER, (timeline) -> {
			Exit exit = new Exit(timeline);
			AtomicReference<Throwable> raised = new AtomicReference<>();
			// The block's outcome, value or error, travels as a value: a deadline that
			// falls while __aexit__ runs then leaves no error with no one to go to.
			Mono<Signal<String>> block = Mono.usingWhen(enter(timeline),
					(session) -> body(timeline, session, request.failInside()).doOnError(raised::set).materialize(),
					(session) -> exit.called((raised.get() != null) ? "with " + raised.get() : "no exception"),
					(session, error) -> exit.called("with " + error), (session) -> exit.called("on cancellation"));
			if (request.timeoutMs() != null) {
				// Not timeout(): it drops the outcome that usingWhen still delivers once
				// __aexit__ ends after the cancel; the losing source here is just
				// ignored.
				block = Mono.firstWithSignal(block,
						Mono.delay(Duration.ofMillis(request.timeoutMs())).then(Mono.error(TimeoutException::new)));
			}
			return block
				.map((outcome) -> outcome.isOnError()
						? exit.result(null, raised.get(), String.valueOf(outcome.getThrowable()))
						: exit.result(outcome.get(), null, null))
				.onErrorResume(TimeoutException.class, (timeout) -> Mono.fromSupplier(() -> {
					timeline.event("wait_for", Event.TIMEOUT);
					return exit.result(null, raised.get(), "cancelled by timeout");
				}));
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

	/**
	 * {@code __aexit__}: awaits while the resource closes; whether it was called and
	 * whether it finished.
	 */
	private static final class Exit {

		private final Timeline timeline;

		private final AtomicBoolean called = new AtomicBoolean();

		private final AtomicBoolean finished = new AtomicBoolean();

		Exit(Timeline timeline) {
			this.timeline = timeline;
		}

		Mono<Void> called(String how) {
			return Mono.delay(STEP).doOnSubscribe((s) -> {
				this.called.set(true);
				this.timeline.event("__aexit__", Event.CALL, how);
			}).doOnNext((tick) -> {
				this.finished.set(true);
				this.timeline.event("__aexit__", Event.DONE);
			}).doOnCancel(() -> this.timeline.event("__aexit__", Event.CANCELLED)).then();
		}

		ContextManagerResult result(@Nullable String value, @Nullable Throwable raised, @Nullable String error) {
			return new ContextManagerResult(value, (raised != null) ? raised.toString() : null, error,
					this.called.get(), this.finished.get());
		}

	}

	/**
	 * What the block gave.
	 *
	 * @param result the body's value, when it succeeded
	 * @param raisedInside what the body raised, if it did
	 * @param error what ended the block instead of a value: the body's exception, or the
	 * timeout
	 * @param exitCalled whether {@code __aexit__} was called
	 * @param exitFinished whether it finished before the answer was sent
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ContextManagerResult(@Nullable String result, @Nullable String raisedInside, @Nullable String error,
			boolean exitCalled, boolean exitFinished) {
	}

}
