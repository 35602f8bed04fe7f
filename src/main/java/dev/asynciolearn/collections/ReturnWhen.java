package dev.asynciolearn.collections;

/**
 * {@code asyncio.wait(..., return_when=...)}.
 */
public enum ReturnWhen {

	/** Return when every task has finished. */
	ALL_COMPLETED,
	/** Return when any task finishes (with a result or an exception). */
	FIRST_COMPLETED,
	/** Return when any task raises, or when all have finished. */
	FIRST_EXCEPTION

}
