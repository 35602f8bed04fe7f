package dev.asynciolearn.pitfalls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code for i in items: try: r = work(i) except Exception: r = fallback(i)}: the
 * {@code except} in the loop body handles each failure where it happens. The Reactor
 * idiom is the same, {@code onErrorResume} on each element's own {@code Mono} inside
 * {@code flatMap}. The trap is {@code onErrorContinue}, added to keep a stream going: it
 * is not an operator on its own stream but a mode it switches on upstream, in every
 * operator that supports it, inner ones included. There the failing {@code map} drops the
 * element and goes on, so the per-element {@code onErrorResume} never sees the error: the
 * failed item vanishes, its fallback with it.
 */
@Service
class ErrorContinueService {

	static final Concept ERROR_CONTINUE = new Concept("onErrorContinue against try/except per element",
			"for i in items:\n    try: r = work(i)\n    except Exception: r = fallback(i)",
			"FIXED:  items.flatMap((i) -> Mono.just(i).map(work).onErrorResume((e) -> fallback(i)))\n"
					+ "BROKEN: the same, then .onErrorContinue(log)  // the fallback never runs: item 3 vanishes");

	static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5);

	static final int FAILING = 3;

	Mono<Report<ErrorContinueResult>> run(LabRequest request) {
		return Timeline.mono(ERROR_CONTINUE, (timeline) -> {
			List<Integer> handled = new CopyOnWriteArrayList<>();
			List<Integer> skipped = new CopyOnWriteArrayList<>();
			Flux<Integer> results = Flux.fromIterable(ITEMS)
				.concatMap((item) -> Mono.just(item).map((i) -> work(timeline, i)).onErrorResume((error) -> {
					handled.add(item);
					timeline.event("item-" + item, Event.ERROR, "handled: fallback " + -item);
					return Mono.just(-item);
				}));
			if (request.variant() == Variant.BROKEN) {
				results = results.onErrorContinue((error, item) -> {
					skipped.add((Integer) item);
					timeline.event("item-" + item, Event.ERROR, "skipped by onErrorContinue");
				});
			}
			return results.collectList()
				.map((list) -> new ErrorContinueResult(request.variant(), list, List.copyOf(handled),
						List.copyOf(skipped), list.size() == ITEMS.size()));
		});
	}

	private static int work(Timeline timeline, int item) {
		timeline.event("item-" + item, Event.CALL, "work(" + item + ")");
		if (item == FAILING) {
			throw new IllegalStateException("work(" + item + ") failed");
		}
		return item;
	}

	/**
	 * What came out of the loop.
	 *
	 * @param variant the side that ran
	 * @param results the results, a failed item's fallback (its negative) in its place
	 * @param handledByTheLoopBody the items whose failure the per-element handler caught
	 * @param skippedSilently the items {@code onErrorContinue} dropped before that
	 * handler could see them
	 * @param asAsyncioWould whether every item has a result, as with {@code try/except}
	 * in the loop body
	 */
	record ErrorContinueResult(Variant variant, List<Integer> results, List<Integer> handledByTheLoopBody,
			List<Integer> skippedSilently, boolean asAsyncioWould) {
	}

}
