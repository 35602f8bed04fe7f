package dev.asynciolearn.pitfalls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.system.ApiProblem;
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
			"price = await fetch_price()   # suspends; the loop runs others\ntotal = price * 2\nawait asyncio.sleep(0.005)",
			"BROKEN: order.map((o) -> fetchPrice().block() * 2)  // IllegalStateException on a non-blocking thread\n"
					+ "        Thread.sleep(5)  // holds the thread; BlockHound refuses it\n"
					+ "FIXED:  order.flatMap((o) -> fetchPrice().map((p) -> p * 2))\n        .flatMap((total) -> Mono.delay(5 ms).thenReturn(total))");

	static final Duration PRICE_TAKES = Duration.ofMillis(20);

	static final Duration PAUSE = Duration.ofMillis(5);

	private final AtomicBoolean blocking = new AtomicBoolean();

	Mono<Report<BlockInChainResult>> run(LabRequest request) {
		return Timeline.mono(BLOCK_IN_CHAIN, (timeline) -> {
			// The order arrives on a non-blocking thread, as a request's work does.
			Mono<String> order = Mono.just("order").publishOn(Schedulers.parallel());
			if (request.variant() == Variant.FIXED) {
				return order.flatMap((o) -> {
					timeline.event("total", Event.SUSPEND, "flatMap(fetchPrice())");
					return fetchPrice(timeline).map((price) -> {
						timeline.event("total", Event.RESUME);
						return price * 2;
					});
				})
					.flatMap((total) -> Mono.delay(PAUSE)
						.doOnSubscribe((s) -> timeline.event("pause", Event.SUSPEND, "Mono.delay: holds no thread"))
						.thenReturn(new BlockInChainResult(Variant.FIXED, total, null, null)));
			}
			if (!this.blocking.compareAndSet(false, true)) {
				return Mono.error(ApiProblem.tooManyRequests("The lab is already blocking",
						"The broken variant holds a thread for a moment; one run at a time. Try again shortly.",
						Duration.ofSeconds(1)));
			}
			return order.map((o) -> total(timeline))
				.map((refused) -> new BlockInChainResult(Variant.BROKEN, null, refused, pause(timeline)))
				.doFinally((signal) -> this.blocking.set(false));
		});
	}

	/** {@code fetchPrice().block()}: refused on a non-blocking thread. */
	private static String total(Timeline timeline) {
		timeline.event("total", Event.CALL, "fetchPrice().block()");
		try {
			return "no refusal: total " + fetchPrice(timeline).block() * 2;
		}
		catch (IllegalStateException ex) {
			timeline.event("total", Event.ERROR, ex.getMessage());
			return String.valueOf(ex.getMessage());
		}
	}

	/**
	 * {@code Thread.sleep} where {@code await asyncio.sleep} was meant: BlockHound (which
	 * runs in the tests) refuses it; without it the thread is held.
	 */
	private static String pause(Timeline timeline) {
		timeline.event("pause", Event.CALL, "Thread.sleep(" + PAUSE.toMillis() + ")");
		try {
			Thread.sleep(PAUSE.toMillis());
			return "nothing caught it: " + Thread.currentThread().getName() + " was held for " + PAUSE.toMillis()
					+ " ms (BlockHound runs in the tests)";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (Error ex) {
			if (!ex.getClass().getName().equals("reactor.blockhound.BlockingOperationError")) {
				throw ex;
			}
			timeline.event("pause", Event.ERROR, ex.getMessage());
			return "BlockHound: " + ex.getMessage();
		}
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
	 * @param sleep what became of a {@code Thread.sleep} on the same thread: BlockHound's
	 * refusal (in the tests), or how long the thread was held
	 */
	record BlockInChainResult(Variant variant, @Nullable Integer total, @Nullable String refused,
			@Nullable String sleep) {
	}

}
