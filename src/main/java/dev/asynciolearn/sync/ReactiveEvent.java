package dev.asynciolearn.sync;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code asyncio.Event}: {@code set()}, {@code clear()}, {@code is_set()} and
 * {@code await event.wait()}, on a {@link Sinks#empty()} that replays its completion to
 * late subscribers.
 * <p>
 * The difference that matters: {@code event.set()} schedules every waiter to resume later
 * on the one loop; here the waiters resume on the thread that calls {@link #set()}, one
 * after another, before {@code set()} returns.
 */
public final class ReactiveEvent {

	private final AtomicReference<State> state = new AtomicReference<>(new State(Sinks.empty(), false));

	/**
	 * {@code await event.wait()}.
	 * @return completes when the event is set (at once if it already is)
	 */
	public Mono<Void> await() {
		return Mono.defer(() -> this.state.get().sink().asMono());
	}

	/**
	 * {@code event.set()}: release every waiter, and every later one until
	 * {@link #clear()}.
	 */
	public void set() {
		while (true) {
			State current = this.state.get();
			if (current.set()) {
				return;
			}
			if (this.state.compareAndSet(current, new State(current.sink(), true))) {
				current.sink().tryEmitEmpty();
				return;
			}
		}
	}

	/**
	 * {@code event.clear()}: later waiters wait again.
	 */
	public void clear() {
		while (true) {
			State current = this.state.get();
			if (!current.set() || this.state.compareAndSet(current, new State(Sinks.empty(), false))) {
				return;
			}
		}
	}

	/**
	 * {@code event.is_set()}.
	 * @return whether the event is set
	 */
	public boolean isSet() {
		return this.state.get().set();
	}

	private record State(Sinks.Empty<Void> sink, boolean set) {
	}

}
