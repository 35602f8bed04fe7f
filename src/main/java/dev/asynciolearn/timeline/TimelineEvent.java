package dev.asynciolearn.timeline;

/**
 * One thing that happened while a demo ran.
 *
 * @param atMs milliseconds since the demo started, with microsecond precision
 * @param task which task or part of the demo it concerns (e.g. {@code request},
 * {@code read}, {@code job-3})
 * @param event what happened (e.g. {@code start}, {@code suspend}, {@code resume},
 * {@code hop}, {@code done}, {@code cancelled}, {@code error})
 * @param thread the name of the thread it happened on
 */
public record TimelineEvent(double atMs, String task, String event, String thread) {
}
