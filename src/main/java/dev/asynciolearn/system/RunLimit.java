package dev.asynciolearn.system;

import org.jspecify.annotations.Nullable;

/**
 * The longest run a demo may be asked for, whatever its parameters: a minute. Each demo
 * states how its parameters add up to its run in one formula, used both in its
 * parameter's description and in the check.
 */
public final class RunLimit {

	/** The longest run of any demo, in milliseconds. */
	public static final long MAX_MS = 60_000;

	private RunLimit() {
	}

	/**
	 * Blame {@code parameter} when the run its request adds up to is too long.
	 * @param parameter the parameter to name in the problem
	 * @param formula how the parameters add up to the run, e.g. {@code "count x delayMs"}
	 * @param runMs what the formula gives for this request
	 * @return the problem, or {@code null} when the run fits
	 */
	public static @Nullable InvalidParameter check(String parameter, String formula, long runMs) {
		if (runMs <= MAX_MS) {
			return null;
		}
		return new InvalidParameter(parameter, "Parameter '" + parameter + "': " + formula + " must be at most "
				+ MAX_MS + " ms; got " + runMs + " ms.");
	}

	/**
	 * {@code ceil(x / y)} for positive numbers: rounds of {@code y} at a time.
	 * @param x how many
	 * @param y at a time
	 * @return the number of rounds
	 */
	public static long rounds(long x, long y) {
		return -Math.floorDiv(-x, y);
	}

}
