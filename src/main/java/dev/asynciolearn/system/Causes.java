package dev.asynciolearn.system;

import org.jspecify.annotations.Nullable;

/**
 * The first error of a type in an error's chain of causes, the error itself included: a
 * framework often wraps the error that matters (a decoding error in an input error, a
 * dropped error in Reactor's {@code ErrorCallbackNotImplemented}).
 */
public final class Causes {

	private Causes() {
	}

	/**
	 * The first error of {@code type} in {@code error}'s chain.
	 * @param <T> the type looked for
	 * @param error the error
	 * @param type the type looked for
	 * @return that error, or {@code null} if the chain holds none
	 */
	public static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
