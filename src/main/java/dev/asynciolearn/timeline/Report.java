package dev.asynciolearn.timeline;

import java.util.List;

/**
 * The answer of every demo endpoint: the result, how long it took and what ran when, on
 * which thread.
 *
 * @param <R> the demo's result, a record of its own
 * @param concept the concept's short name
 * @param asyncio the asyncio code it mirrors
 * @param reactor the Reactor operators used
 * @param elapsedMs wall-clock time from subscription to the result
 * @param result what the demo computed
 * @param timeline what happened, in time order
 * @param droppedEvents events not recorded because the timeline reached its size limit
 */
public record Report<R>(String concept, String asyncio, String reactor, double elapsedMs, R result,
		List<TimelineEvent> timeline, int droppedEvents) {
}
