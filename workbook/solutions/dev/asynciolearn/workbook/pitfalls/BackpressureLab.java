package dev.asynciolearn.workbook.pitfalls;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import reactor.core.publisher.Flux;

/**
 * The reference solution of the {@code backpressure} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class BackpressureLab {

	/**
	 * {@code sink.onRequest} hears each request (and at once any made before it was set):
	 * the producer emits that many and no more, and waits for the next request as
	 * {@code put} waits for room. It ends the stream once it has produced them all.
	 * @param count how many items to produce
	 * @param next produces the next item at each call
	 * @return the items, produced as they are asked for
	 */
	public Flux<Integer> produce(int count, IntSupplier next) {
		return Flux.create((sink) -> {
			AtomicInteger produced = new AtomicInteger();
			sink.onRequest((requested) -> {
				for (long i = 0; i < requested && produced.get() < count; i++) {
					produced.incrementAndGet();
					sink.next(next.getAsInt());
				}
				if (produced.get() == count) {
					sink.complete();
				}
			});
		});
	}

}
