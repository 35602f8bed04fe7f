package dev.asynciolearn.streams;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * {@code async for x in it:} as a stream that calls {@code await it.__anext__()} only
 * when its subscriber has asked for an item, and only one at a time; an empty
 * {@code __anext__} is {@code StopAsyncIteration}.
 * <p>
 * Reactor's own operators that map items to async work ({@code concatMap(f, 0)},
 * {@code delayElements}) start the next item's work as soon as the previous one is
 * delivered: one step ahead of demand. This loop is strictly pulled.
 */
final class AsyncFor {

	private AsyncFor() {
	}

	static <T> Flux<T> pull(Supplier<Mono<T>> anext) {
		return Flux.create((sink) -> {
			Loop<T> loop = new Loop<>(sink, anext);
			sink.onRequest(loop::request);
			sink.onDispose(loop.current);
		});
	}

	private static final class Loop<T> {

		private final FluxSink<T> sink;

		private final Supplier<Mono<T>> anext;

		private final AtomicBoolean awaiting = new AtomicBoolean();

		// Counted here: the sink's own count lags while it is delivering.
		private final AtomicLong demand = new AtomicLong();

		private final Disposable.Swap current = Disposables.swap();

		private Loop(FluxSink<T> sink, Supplier<Mono<T>> anext) {
			this.sink = sink;
			this.anext = anext;
		}

		void request(long n) {
			this.demand.accumulateAndGet(n, (current, more) -> (current + more < 0) ? Long.MAX_VALUE : current + more);
			drain();
		}

		/**
		 * Start the next {@code __anext__} if an item is wanted and none is being
		 * awaited.
		 */
		void drain() {
			if (this.sink.isCancelled() || this.demand.get() == 0 || !this.awaiting.compareAndSet(false, true)) {
				return;
			}
			Anext anext = new Anext();
			// Held before subscribing: an __anext__ that answers at once starts the next
			// one inside subscribe(), which must not then be replaced by this one.
			this.current.update(anext);
			this.anext.get().subscribe(anext);
		}

		/** One {@code await it.__anext__()}. */
		private final class Anext extends BaseSubscriber<T> {

			private boolean gotOne;

			@Override
			protected void hookOnNext(T value) {
				this.gotOne = true;
				Loop.this.demand.decrementAndGet();
				Loop.this.sink.next(value);
			}

			@Override
			protected void hookOnError(Throwable error) {
				Loop.this.sink.error(error);
			}

			@Override
			protected void hookOnComplete() {
				if (!this.gotOne) {
					Loop.this.sink.complete();
					return;
				}
				Loop.this.awaiting.set(false);
				drain();
			}

		}

	}

}
