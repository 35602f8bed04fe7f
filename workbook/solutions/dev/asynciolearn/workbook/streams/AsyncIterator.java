package dev.asynciolearn.workbook.streams;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the async iterator exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class AsyncIterator {

	/**
	 * {@code async for x in Counter(n, pause)}: {@code Flux.create} hands over each
	 * request ({@code sink.onRequest}), and the loop awaits one {@code __anext__} per
	 * item requested, one at a time. Reactor's operators that map items to async work
	 * ({@code concatMap}, {@code delayElements}) would start the next {@code __anext__}
	 * as soon as an item is delivered, one ahead of demand.
	 * @param n how many numbers
	 * @param pause how long each {@code __anext__} waits before it returns its number
	 * @param anext told the value each time {@code __anext__} starts on one
	 * @return the numbers, pulled one at a time
	 */
	public Flux<Integer> count(int n, Duration pause, IntConsumer anext) {
		return Flux.create((sink) -> new AsyncFor(new Counter(n, pause, anext), sink).start());
	}

	/**
	 * The study notes' {@code Counter}: {@code __anext__} returns the next number after a
	 * pause, or nothing ({@code StopAsyncIteration}) once all are out.
	 */
	private static final class Counter {

		private final int n;

		private final Duration pause;

		private final IntConsumer started;

		private int next;

		Counter(int n, Duration pause, IntConsumer started) {
			this.n = n;
			this.pause = pause;
			this.started = started;
		}

		Mono<Integer> anext() {
			if (this.next >= this.n) {
				return Mono.empty();
			}
			int value = this.next++;
			this.started.accept(value);
			return Mono.delay(this.pause).thenReturn(value);
		}

	}

	/**
	 * {@code async for}: one {@code __anext__} awaited per item wanted, the next only
	 * once the last one's item is delivered.
	 */
	private static final class AsyncFor {

		private final Counter counter;

		private final FluxSink<Integer> sink;

		/** Items requested and not yet delivered. */
		private final AtomicLong wanted = new AtomicLong();

		/** The {@code __anext__} being awaited, disposed when the subscriber cancels. */
		private final Disposable.Swap awaiting = Disposables.swap();

		AsyncFor(Counter counter, FluxSink<Integer> sink) {
			this.counter = counter;
			this.sink = sink;
		}

		void start() {
			this.sink.onDispose(this.awaiting);
			this.sink.onRequest(this::request);
		}

		private void request(long more) {
			// Only a request that finds nothing wanted starts the loop: otherwise an
			// __anext__ is being awaited, and the loop goes on once it is delivered.
			long before = this.wanted.getAndAccumulate(more,
					(current, added) -> (current + added < 0) ? Long.MAX_VALUE : current + added);
			if (before == 0) {
				next();
			}
		}

		private void next() {
			if (this.sink.isCancelled()) {
				return;
			}
			// An empty __anext__ is StopAsyncIteration: the stream ends.
			Mono<Integer> anext = this.counter.anext().switchIfEmpty(Mono.fromRunnable(this.sink::complete));
			BaseSubscriber<Integer> awaited = new BaseSubscriber<>() {

				@Override
				protected void hookOnNext(Integer value) {
					AsyncFor.this.sink.next(value);
					if (AsyncFor.this.wanted.decrementAndGet() > 0) {
						next();
					}
				}

				@Override
				protected void hookOnError(Throwable error) {
					AsyncFor.this.sink.error(error);
				}

			};
			// Held before subscribing: an __anext__ that answers at once starts the next
			// one inside subscribe(), which must not then be replaced by this one.
			this.awaiting.update(awaited);
			anext.subscribe(awaited);
		}

	}

}
