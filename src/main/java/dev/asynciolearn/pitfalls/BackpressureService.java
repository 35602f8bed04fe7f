package dev.asynciolearn.pitfalls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code q = asyncio.Queue(maxsize=16)}: a producer faster than its consumer waits at
 * {@code await q.put(item)} once the queue is full, so at most 16 items wait. The habit
 * carried to Reactor is a producer that pushes whatever it has into
 * {@code Flux.create(sink)}: the sink buffers everything the consumer has not asked for,
 * without bound. A producer that emits only what was requested ({@code sink.onRequest})
 * waits like {@code put} does; the consumer's {@code concatMap} asks for a few at a time.
 */
@Service
class BackpressureService {

	static final Concept BACKPRESSURE = new Concept("A fast producer, a slow consumer",
			"q = asyncio.Queue(maxsize=16)\nawait q.put(item)   # waits while full\nitem = await q.get()",
			"BROKEN: Flux.create((sink) -> all.forEach(sink::next))  // buffers everything\n"
					+ "FIXED:  Flux.create((sink) -> sink.onRequest((n) -> emit(n)))  // emits what is asked for");

	static final int ITEMS = 200;

	static final Duration CONSUME = Duration.ofMillis(2);

	/** What the consumer asks for at a time (concatMap's prefetch). */
	static final int PREFETCH = 16;

	Mono<Report<BackpressureResult>> run(LabRequest request) {
		return Timeline.mono(BACKPRESSURE, (timeline) -> {
			AtomicInteger produced = new AtomicInteger();
			AtomicInteger consumed = new AtomicInteger();
			AtomicInteger peak = new AtomicInteger();
			Flux<Integer> items = Flux.create((sink) -> {
				if (request.variant() == Variant.BROKEN) {
					timeline.event("producer", Event.PUT, "all " + ITEMS + " at once");
					for (int i = 0; i < ITEMS; i++) {
						emit(sink, produced, consumed, peak);
					}
					sink.complete();
				}
				else {
					sink.onRequest((n) -> {
						timeline.event("producer", Event.PUT, "asked for " + n);
						for (long i = 0; i < n && produced.get() < ITEMS; i++) {
							emit(sink, produced, consumed, peak);
						}
						if (produced.get() == ITEMS) {
							sink.complete();
						}
					});
				}
			}, FluxSink.OverflowStrategy.BUFFER);
			return items
				.concatMap((item) -> Mono.delay(CONSUME).doOnNext((tick) -> consumed.incrementAndGet()), PREFETCH)
				.then(Mono.fromSupplier(() -> {
					timeline.event("consumer", Event.GET, "all " + consumed.get() + " consumed");
					return new BackpressureResult(request.variant(), produced.get(), consumed.get(), peak.get(),
							peak.get() <= PREFETCH + 1);
				}));
		});
	}

	private static void emit(FluxSink<Integer> sink, AtomicInteger produced, AtomicInteger consumed,
			AtomicInteger peak) {
		int item = produced.incrementAndGet();
		peak.accumulateAndGet(item - consumed.get(), Math::max);
		sink.next(item);
	}

	/**
	 * What the producer and the consumer did.
	 *
	 * @param variant the side that ran
	 * @param produced the items produced
	 * @param consumed the items consumed
	 * @param peakWaiting the most items produced and not yet consumed, at any moment (the
	 * one being consumed included)
	 * @param bounded whether that stayed within what the consumer asks for at a time plus
	 * the one it holds, as {@code Queue(maxsize)} and one {@code get()} would keep it
	 */
	record BackpressureResult(Variant variant, int produced, int consumed, int peakWaiting, boolean bounded) {
	}

}
