package dev.asynciolearn.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Records what a demo does as it happens, from any thread, and turns it into a
 * {@link Report}.
 * <p>
 * Lock-free and bounded: at most {@link #MAX_EVENTS} events are kept, later ones are only
 * counted, so no request can grow a timeline without limit.
 */
public final class Timeline {

	/** Events kept per timeline; further events are counted as dropped. */
	public static final int MAX_EVENTS = 10_000;

	private static final Log logger = LogFactory.getLog(Timeline.class);

	private final Concept concept;

	private final long startNanos;

	private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private Timeline(Concept concept) {
		this.concept = concept;
		this.startNanos = System.nanoTime();
	}

	/**
	 * Start recording now.
	 * @param concept what the demo teaches
	 * @return a new timeline whose clock starts now
	 */
	public static Timeline start(Concept concept) {
		return new Timeline(concept);
	}

	/**
	 * Record that {@code event} happened to {@code task} now, on the calling thread.
	 * @param task the task or part of the demo
	 * @param event what happened
	 */
	public void event(String task, String event) {
		long at = System.nanoTime() - this.startNanos;
		if (logger.isDebugEnabled()) {
			logger.debug(this.concept.name() + " | " + task + ": " + event);
		}
		if (this.size.getAndIncrement() < MAX_EVENTS) {
			this.entries.add(new Entry(at, task, event, Thread.currentThread().getName()));
		}
	}

	/**
	 * Milliseconds since the timeline started.
	 * @return the elapsed time
	 */
	public double elapsedMs() {
		return toMillis(System.nanoTime() - this.startNanos);
	}

	/**
	 * The report as of now.
	 * @param result what the demo computed
	 * @return the report with the events recorded so far, in time order
	 */
	public Report report(Object result) {
		double elapsed = elapsedMs();
		int dropped = Math.max(0, this.size.get() - MAX_EVENTS);
		return new Report(this.concept.name(), this.concept.asyncio(), this.concept.reactor(), elapsed, result,
				events(), dropped);
	}

	/**
	 * The events recorded so far.
	 * @return the events, in time order
	 */
	public List<TimelineEvent> events() {
		List<Entry> sorted = new ArrayList<>(this.entries);
		sorted.sort(Comparator.comparingLong(Entry::atNanos));
		List<TimelineEvent> events = new ArrayList<>(sorted.size());
		for (Entry entry : sorted) {
			events.add(new TimelineEvent(toMillis(entry.atNanos()), entry.task(), entry.event(), entry.thread()));
		}
		return events;
	}

	private static double toMillis(long nanos) {
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

	private record Entry(long atNanos, String task, String event, String thread) {
	}

}
