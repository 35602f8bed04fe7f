package dev.asynciolearn.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened while a demo ran.
 *
 * @param atMs milliseconds since the demo started, with microsecond precision
 * @param task which task or part of the demo it concerns (e.g. {@code request},
 * {@code read}, {@code job-3})
 * @param event what happened
 * @param detail what it concerned, when it matters (the value read, the item put, the
 * exception raised)
 * @param thread the name of the thread it happened on
 * @param carrier when that thread is a virtual one, the platform thread that carried it
 * at that moment (many virtual threads take turns on a few carriers)
 */
public record TimelineEvent(double atMs, String task, Event event,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String detail, String thread,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String carrier) {

	/**
	 * An event on a platform thread.
	 * @param atMs milliseconds since the demo started
	 * @param task which task or part of the demo it concerns
	 * @param event what happened
	 * @param detail what it concerned, or {@code null}
	 * @param thread the name of the thread it happened on
	 */
	public TimelineEvent(double atMs, String task, Event event, @Nullable String detail, String thread) {
		this(atMs, task, event, detail, thread, null);
	}

	/**
	 * The event as {@code task: event detail}, the way the log and the tests write it.
	 * @return a short description
	 */
	public String step() {
		return this.task + ": " + this.event + ((this.detail != null) ? " " + this.detail : "");
	}

}
