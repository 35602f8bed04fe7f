package dev.asynciolearn.timeline;

import org.jspecify.annotations.Nullable;

/**
 * How a task ended: its first terminal signal.
 *
 * @param event {@link Event#ERROR}, {@link Event#CANCELLED}, or the task's own
 * {@code finished} event for a value or completion
 * @param value the value, the error, or {@code null}
 */
public record Ending(Event event, @Nullable Object value) {

	/**
	 * The ending as a gather would list it: the value, the error's name and message, or
	 * {@code "cancelled"}.
	 * @return what the task gave
	 */
	public Object outcome() {
		if (this.event == Event.ERROR) {
			return String.valueOf(this.value);
		}
		return (this.value != null && this.event != Event.CANCELLED) ? this.value : this.event.label();
	}

}
