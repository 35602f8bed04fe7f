package dev.asynciolearn.timeline;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What can happen to a task on a timeline: the one vocabulary the services record, the
 * explorer draws and the tests assert. An event may carry a detail (the value read, the
 * item put, the exception raised).
 * <p>
 * After a {@linkplain #waits() waiting} event the task holds no thread until its next
 * event: the explorer draws that stretch faint. The OpenAPI description lists the events
 * and which of them wait, so the page needs no copy of this list.
 */
public enum Event {

	/** Began running. */
	START("start", false),

	/** Awaits a timer or I/O ({@code await asyncio.sleep}); holds no thread. */
	SUSPEND("suspend", true),

	/** Carries on after a suspension or a wait. */
	RESUME("resume", false),

	/** Handed to another thread ({@code to_thread}, {@code subscribeOn}). */
	HOP("hop", true),

	/** Waits its turn: a permit, a lock, an event, a gate, room in a queue. */
	WAIT("wait", true),

	/** Got a permit or a lock. */
	ACQUIRED("acquired", false),

	/** Gave a permit or a lock back. */
	RELEASED("released", false),

	/** Finished with a value. */
	DONE("done", false),

	/** Raised an exception. */
	ERROR("error", false),

	/** Cancelled before it finished. */
	CANCELLED("cancelled", true),

	/** {@code asyncio.TimeoutError}: a deadline passed. */
	TIMEOUT("TimeoutError", false),

	/**
	 * A method of the protocol was called ({@code __anext__}, {@code __aexit__},
	 * {@code set()}).
	 */
	CALL("call", false),

	/** One step of a task's loop. */
	STEP("step", false),

	/** Read shared state. */
	READ("read", false),

	/** Wrote shared state. */
	WRITE("write", false),

	/** Put an item into a queue. */
	PUT("put", false),

	/** Took an item from a queue. */
	GET("get", false),

	/** An async generator yielded an item. */
	YIELD("yield", false),

	/** The consumer of a stream got an item. */
	GOT("got", false),

	/** A timer fired. */
	TICK("tick", true),

	/** A coroutine object built and never awaited. */
	BUILT("built", true);

	private final String label;

	private final boolean waits;

	Event(String label, boolean waits) {
		this.label = label;
		this.waits = waits;
	}

	/**
	 * The event's name in reports, as asyncio would say it.
	 * @return the label
	 */
	@JsonValue
	public String label() {
		return this.label;
	}

	/**
	 * Whether the task holds no thread from this event to its next one.
	 * @return {@code true} for a waiting event
	 */
	public boolean waits() {
		return this.waits;
	}

	@Override
	public String toString() {
		return this.label;
	}

}
