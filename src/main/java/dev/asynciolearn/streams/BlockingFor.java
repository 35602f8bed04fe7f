package dev.asynciolearn.streams;

import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * {@code async for x in items} as a plain blocking loop on a virtual thread of its own:
 * {@code for (x : items)}, taking the next item only once the subscriber has asked for
 * one, and blocking in between, as a coroutine suspends at {@code async for}. Each item
 * the loop takes goes to the subscriber; a subscriber that leaves interrupts the loop.
 */
final class BlockingFor {

	private BlockingFor() {
	}

	/**
	 * The items of {@code iterable}, each pulled when asked for.
	 * @param <T> the items
	 * @param thread the loop's thread's name
	 * @param iterable makes the iterator, on the loop's thread, once per subscription
	 * @return the items, as a stream that waits for demand
	 */
	static <T> Flux<T> pull(String thread, Supplier<Iterator<T>> iterable) {
		return Flux.create((sink) -> {
			Demand demand = new Demand();
			sink.onRequest(demand::asked);
			Thread loop = Thread.ofVirtual().name(thread).unstarted(() -> run(iterable, demand, sink));
			sink.onDispose(loop::interrupt);
			loop.start();
		});
	}

	private static <T> void run(Supplier<Iterator<T>> iterable, Demand demand, FluxSink<T> sink) {
		try {
			Iterator<T> items = iterable.get();
			while (true) {
				demand.take();
				if (!items.hasNext()) {
					break;
				}
				sink.next(items.next());
			}
			sink.complete();
		}
		catch (InterruptedException ex) {
			// The subscriber left: nobody to tell.
		}
		catch (RuntimeException ex) {
			// After a cancel, what the interrupted iterator raised has nobody to go to.
			if (!sink.isCancelled()) {
				sink.error(ex);
			}
		}
	}

	/** What the subscriber has asked for and the loop has not yet taken. */
	private static final class Demand {

		private final Semaphore items = new Semaphore(0);

		private final AtomicBoolean unbounded = new AtomicBoolean();

		void asked(long n) {
			if (n == Long.MAX_VALUE || this.items.availablePermits() > Integer.MAX_VALUE / 4) {
				this.unbounded.set(true);
				this.items.release();
			}
			else {
				this.items.release((int) Math.min(n, Integer.MAX_VALUE / 2));
			}
		}

		void take() throws InterruptedException {
			if (!this.unbounded.get()) {
				this.items.acquire();
			}
		}

	}

}
