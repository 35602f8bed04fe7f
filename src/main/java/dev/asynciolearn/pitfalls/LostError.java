package dev.asynciolearn.pitfalls;

import java.util.concurrent.CompletableFuture;

/**
 * The error lab 8 loses on purpose: it knows when Reactor dropped it
 * ({@link DroppedErrors}), so the lab can report it, and the suite's guard against
 * dropped errors can tell it from any other.
 */
public final class LostError extends RuntimeException {

	private final transient CompletableFuture<String> dropped = new CompletableFuture<>();

	LostError(String message) {
		super(message);
	}

	/** Reactor dropped it: nobody subscribed for errors. */
	void droppedBy(String hook) {
		this.dropped.complete(hook);
	}

	/** Completes with what dropped it, if it is dropped. */
	CompletableFuture<String> dropped() {
		return this.dropped;
	}

}
