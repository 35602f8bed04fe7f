package dev.asynciolearn.workbook.sync;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code Event}.
 *
 * <pre>
 * gate = asyncio.Event()
 *
 * await asyncio.gather(*(gate.wait() for _ in range(5)), set_later())   # all 5 go on at set()
 * await gate.wait()        # once set: goes on at once
 * gate.clear()
 * await gate.wait()        # waits again, until the next set()
 * </pre>
 *
 * Must hold: {@link #isSet()} is false at first, true after {@link #set()}, false after
 * {@link #clear()}; a waiter does not go on before {@code set()}; every waiter goes on at
 * {@code set()}, not only one; a waiter that comes after {@code set()} goes on at once;
 * after {@code clear()} a new waiter waits for the next {@code set()}; and, like an
 * un-awaited {@code gate.wait()}, {@link #waitFor()} looks at the gate only when
 * subscribed.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=GateExercise}. Compare:
 * {@code ReactiveEvent}, {@code EventService} and {@code GET /api/sync/event}.
 */
public class Gate {

	/**
	 * {@code await event.wait()}.
	 * @return completes when the gate is set (at once if it already is)
	 */
	public Mono<Void> waitFor() {
		throw new NotDoneYet("Gate");
	}

	/**
	 * {@code event.set()}: release every waiter, and every later one until
	 * {@link #clear()}.
	 */
	public void set() {
		throw new NotDoneYet("Gate");
	}

	/**
	 * {@code event.clear()}: later waiters wait again.
	 */
	public void clear() {
		throw new NotDoneYet("Gate");
	}

	/**
	 * {@code event.is_set()}.
	 * @return whether the gate is set
	 */
	public boolean isSet() {
		throw new NotDoneYet("Gate");
	}

}
