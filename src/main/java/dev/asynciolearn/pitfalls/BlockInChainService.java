package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * {@code price = await fetch_price()} in the middle of a coroutine: awaiting is how a
 * coroutine gets a value from another. The habit carried to Reactor is
 * {@code fetchPrice().block()} inside the pipeline, which would hold the thread until the
 * value comes; on a thread that must never wait (an event loop, {@code parallel}) Reactor
 * refuses at once with {@code IllegalStateException: block()/blockFirst()/
 * blockLast() are blocking, which is not supported in thread ...}, the message this lab
 * answers verbatim. The fix composes instead: {@code flatMap(... fetchPrice())}, and the
 * thread is free while the price is on its way.
 */
@Service
class BlockInChainService {

	static final Concept BLOCK_IN_CHAIN = new Concept("block() inside the chain",
			"price = await fetch_price()   # suspends; the loop runs others\ntotal = price * 2",
			"BROKEN: order.map((o) -> fetchPrice().block() * 2)  // IllegalStateException on a non-blocking thread\n"
					+ "FIXED:  order.flatMap((o) -> fetchPrice().map((p) -> p * 2))");

	static final Duration PRICE_TAKES = Duration.ofMillis(20);

	Mono<Report<BlockInChainResult>> run(LabRequest request) {
		return Timeline.mono(BLOCK_IN_CHAIN, (timeline) -> {
			// The order arrives on a non-blocking thread, as a request's work does.
			Mono<String> order = Mono.just("order").publishOn(Schedulers.parallel());
			if (request.variant() == Variant.BROKEN) {
				return order.map((o) -> {
					timeline.event("total", Event.CALL, "fetchPrice().block()");
					return new BlockInChainResult(Variant.BROKEN, fetchPrice(timeline).block() * 2, null);
				}).onErrorResume(IllegalStateException.class, (error) -> {
					timeline.event("total", Event.ERROR, error.getMessage());
					return Mono.just(new BlockInChainResult(Variant.BROKEN, null, error.getMessage()));
				});
			}
			return order.flatMap((o) -> {
				timeline.event("total", Event.SUSPEND, "flatMap(fetchPrice())");
				return fetchPrice(timeline).map((price) -> {
					timeline.event("total", Event.RESUME);
					return new BlockInChainResult(Variant.FIXED, price * 2, null);
				});
			});
		});
	}

	private static Mono<Integer> fetchPrice(Timeline timeline) {
		return Mono.delay(PRICE_TAKES).map((tick) -> {
			timeline.event("fetch_price", Event.DONE);
			return 21;
		});
	}

	/**
	 * What the caller got.
	 *
	 * @param variant the side that ran
	 * @param total the price times two, when it could be computed
	 * @param refused Reactor's refusal of {@code block()}, verbatim, when it came
	 */
	record BlockInChainResult(Variant variant, @Nullable Integer total, @Nullable String refused) {
	}

}
