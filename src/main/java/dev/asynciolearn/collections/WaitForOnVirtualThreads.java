package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code await asyncio.wait_for(aw, timeout)} on virtual threads is
 * {@code future.get(timeout)} on work running on a virtual thread of its own, then, at
 * the limit, {@code future.cancel(true)}.
 * <p>
 * The difference that matters: {@code cancel(true)} interrupts the work's thread, which
 * sees an {@code InterruptedException} at its next blocking call, as a coroutine sees
 * {@code CancelledError} at its next {@code await} (and, as there, could catch it and go
 * on: Reactor's cancel signal cannot be refused). Closing the executor waits until the
 * work has really stopped, as {@code wait_for} waits for the cancelled task before it
 * raises {@code TimeoutError}.
 */
@Service
class WaitForOnVirtualThreads {

	static final Concept WAIT_FOR = new Concept(
			"wait_for on virtual threads: a deadline for one future, whose thread is interrupted at it",
			"try:\n    r = await asyncio.wait_for(work(), timeout)\nexcept asyncio.TimeoutError: ...",
			"try { r = future.get(timeout, MILLISECONDS); }\ncatch (TimeoutException ex) { future.cancel(true); }");

	Mono<Report<WaitForResult>> waitFor(WaitForRequest request) {
		return VirtualThreadDemo.run(WAIT_FOR, (timeline) -> waitFor(request, timeline));
	}

	/**
	 * The demo itself, on the calling thread.
	 */
	WaitForResult waitFor(WaitForRequest request, Timeline timeline) throws Exception {
		AtomicBoolean cancelled = new AtomicBoolean();
		Optional<Boolean> done = VirtualThreadDemo.waitFor(timeline, "inner", () -> {
			timeline.event("inner", Event.START);
			try {
				Thread.sleep(Duration.ofMillis(request.delayMs()));
			}
			catch (InterruptedException ex) {
				cancelled.set(true);
				timeline.event("inner", Event.CANCELLED);
				throw ex;
			}
			timeline.event("inner", Event.DONE);
			return true;
		}, Duration.ofMillis(request.timeoutMs()));
		return new WaitForResult(done.isPresent() ? "done" : Event.TIMEOUT.label(), cancelled.get());
	}

}
