package dev.asynciolearn.pitfalls;

/**
 * Which side of a lab runs.
 */
enum Variant {

	/** The asyncio habit carried over to Reactor: the bug happens. */
	BROKEN,

	/** The Reactor idiom: the bug does not happen. */
	FIXED

}
