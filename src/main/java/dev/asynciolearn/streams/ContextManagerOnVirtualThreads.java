package dev.asynciolearn.streams;

import java.time.Duration;

import dev.asynciolearn.streams.ContextManagerService.ContextManagerResult;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code async with Session() as s:} on virtual threads is try-with-resources: the
 * constructor is {@code __aenter__}, {@code close()} is {@code __aexit__}, and it runs on
 * success, on an exception and on an interruption alike.
 * <p>
 * The difference that matters: {@code close()} is not told the exception and cannot
 * suppress it (the session here notes it itself), and at a deadline,
 * {@code future.cancel(true)} interrupts the body, {@code close()} runs, and
 * {@code wait_for} (closing its executor) waits until it has finished: as in asyncio, and
 * unlike the Reactor twin, whose answer may leave before {@code __aexit__} ends.
 */
@Service
class ContextManagerOnVirtualThreads {

	static final Concept CONTEXT_MANAGER = new Concept(
			"async with on virtual threads: try-with-resources, close() always",
			"async with Session() as s:\n    await s.work()",
			"try (Session s = new Session()) {  // __aenter__\n    s.work();\n}  // close() is __aexit__");

	Mono<Report<ContextManagerResult>> run(ContextManagerRequest request) {
		return VirtualThreadDemo.run(CONTEXT_MANAGER, (timeline) -> run(request, timeline));
	}

	/**
	 * The demo itself, on the calling thread.
	 */
	ContextManagerResult run(ContextManagerRequest request, Timeline timeline) throws Exception {
		Session.Outcome outcome = new Session.Outcome();
		if (request.timeoutMs() == null) {
			return block(timeline, request.failInside(), outcome);
		}
		// At the deadline the body is interrupted and close() has run before this
		// returns.
		return VirtualThreadDemo
			.waitFor(timeline, "block", () -> block(timeline, request.failInside(), outcome),
					Duration.ofMillis(request.timeoutMs()))
			.orElseGet(() -> outcome.result(null, "cancelled by timeout"));
	}

	private static ContextManagerResult block(Timeline timeline, boolean failInside, Session.Outcome outcome)
			throws InterruptedException {
		String value;
		try (Session session = new Session(timeline, outcome)) {
			value = session.work(failInside);
		}
		catch (InterruptedException ex) {
			// close() has run; the interruption carries on, as CancelledError does after
			// __aexit__.
			throw ex;
		}
		catch (Exception ex) {
			return outcome.result(null, ex.toString());
		}
		// Only now: a result built inside the block would be built before close() runs.
		return outcome.result(value, null);
	}

	/**
	 * The resource: opens in its constructor, works, closes in {@link #close()}, each
	 * step taking {@link ContextManagerService#STEP} or two.
	 */
	static final class Session implements AutoCloseable {

		private final Timeline timeline;

		private final Outcome outcome;

		Session(Timeline timeline, Outcome outcome) throws InterruptedException {
			this.timeline = timeline;
			this.outcome = outcome;
			timeline.event("__aenter__", Event.START);
			Thread.sleep(ContextManagerService.STEP);
			timeline.event("__aenter__", Event.DONE);
		}

		String work(boolean failInside) throws InterruptedException {
			this.timeline.event("body", Event.START);
			try {
				Thread.sleep(ContextManagerService.STEP.multipliedBy(2));
				if (failInside) {
					throw new IllegalStateException("raised inside 'async with'");
				}
			}
			catch (InterruptedException | RuntimeException ex) {
				this.outcome.raised = ex;
				this.timeline.event("body", (ex instanceof InterruptedException) ? Event.CANCELLED : Event.ERROR, ex);
				throw ex;
			}
			this.timeline.event("body", Event.DONE);
			return "session used";
		}

		@Override
		public void close() throws InterruptedException {
			this.outcome.exitCalled = true;
			Throwable raised = this.outcome.raised;
			this.timeline.event("__aexit__", Event.CALL, (raised != null) ? "with " + raised : "no exception");
			Thread.sleep(ContextManagerService.STEP);
			this.outcome.exitFinished = true;
			this.timeline.event("__aexit__", Event.DONE);
		}

		/** What the block did, as it went. */
		static final class Outcome {

			private volatile @Nullable Throwable raised;

			private volatile boolean exitCalled;

			private volatile boolean exitFinished;

			ContextManagerResult result(@Nullable String value, @Nullable String error) {
				Throwable inside = this.raised;
				return new ContextManagerResult(value, (inside != null) ? inside.toString() : null, error,
						this.exitCalled, this.exitFinished);
			}

		}

	}

}
