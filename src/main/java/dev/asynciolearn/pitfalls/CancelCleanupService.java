package dev.asynciolearn.pitfalls;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code try: await asyncio.wait_for(work(), t) ... finally: cleanup()} inside
 * {@code work}: a timeout raises {@code CancelledError} inside the coroutine, so its
 * {@code except} and {@code finally} run. In Reactor the timeout cancels the work
 * upstream: no error reaches it, so cleanup written in {@code doOnError} (the habit of
 * {@code except}) never runs; {@code doOnCancel} and {@code doFinally} (whose signal is
 * {@code CANCEL}) do. The timeout's error appears only downstream of {@code timeout}.
 */
@Service
class CancelCleanupService {

	static final Concept CANCEL_CLEANUP = new Concept("Cleanup when a timeout cancels the work",
			"async def work():\n    try: await asyncio.sleep(1)\n    except CancelledError: cleanup(); raise\n"
					+ "await asyncio.wait_for(work(), 0.1)",
			"BROKEN: work.doOnError((e) -> cleanup()).timeout(t)  // never runs: work is cancelled, not failed\n"
					+ "FIXED:  work.doFinally((signal) -> cleanup()).timeout(t)  // runs, signal CANCEL");

	static final Duration WORK = Duration.ofMillis(1000);

	static final Duration TIMEOUT = Duration.ofMillis(100);

	Mono<Report<CancelCleanupResult>> run(LabRequest request) {
		return Timeline.mono(CANCEL_CLEANUP, (timeline) -> {
			List<String> ran = new CopyOnWriteArrayList<>();
			Mono<Long> work = Mono.delay(WORK).doOnSubscribe((s) -> timeline.event("work", Event.START));
			Mono<Long> cleaned = (request.variant() == Variant.BROKEN)
					? work.doOnError((error) -> cleanup(timeline, ran, "doOnError"))
					: work.doFinally((signal) -> cleanup(timeline, ran, "doFinally(" + signal + ")"));
			return cleaned.doOnCancel(() -> {
				ran.add("doOnCancel");
				timeline.event("work", Event.CANCELLED);
			}).timeout(TIMEOUT).map((tick) -> "finished").onErrorResume(TimeoutException.class, (error) -> {
				timeline.event("wait_for", Event.TIMEOUT);
				return Mono.just("TimeoutError");
			})
				.map((outcome) -> new CancelCleanupResult(request.variant(), outcome, List.copyOf(ran),
						ran.stream().anyMatch((hook) -> hook.startsWith("doOnError") || hook.startsWith("doFinally"))));
		});
	}

	private static void cleanup(Timeline timeline, List<String> ran, String hook) {
		ran.add(hook);
		timeline.event("cleanup", Event.CALL, hook);
	}

	/**
	 * What ran when the timeout cancelled the work.
	 *
	 * @param variant the side that ran
	 * @param outcome what the caller got: {@code TimeoutError}
	 * @param hooksThatRan the work's hooks that ran, in order
	 * @param cleanedUp whether the cleanup ran, as asyncio's
	 * {@code except}/{@code finally} would have
	 */
	record CancelCleanupResult(Variant variant, String outcome, List<String> hooksThatRan, boolean cleanedUp) {
	}

}
