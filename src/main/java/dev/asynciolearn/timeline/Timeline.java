package dev.asynciolearn.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Records what a demo does as it happens, from any thread, and turns it into a
 * {@link Report}.
 * <p>
 * Lock-free and bounded: at most {@link #MAX_EVENTS} events are kept, later ones are only
 * counted, so no request can grow a timeline without limit.
 * <p>
 * A demo starts one with {@link #mono} or {@link #flux}: like {@code Mono.defer}, nothing
 * happens until subscription, and the timeline also picks up the request's correlation id
 * from the Reactor context, the request-scoped store that plays the part of Python's
 * {@code contextvars}. Debug log lines of the timeline carry that id on whichever thread
 * they are written, without copying thread-locals at every operator (which is what
 * {@code spring.reactor.context-propagation=auto} would do, at about twice the CPU per
 * request: see the README's benchmarks).
 */
public final class Timeline {

	/** Events kept per timeline; further events are counted as dropped. */
	public static final int MAX_EVENTS = 10_000;

	/**
	 * The key of the request's correlation id in the Reactor context and in the logging
	 * MDC.
	 */
	public static final String CORRELATION_ID = "correlationId";

	private static final Log logger = LogFactory.getLog(Timeline.class);

	private final Concept concept;

	private final @Nullable String correlationId;

	private final long startNanos;

	private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private Timeline(Concept concept, @Nullable String correlationId) {
		this.concept = concept;
		this.correlationId = correlationId;
		this.startNanos = System.nanoTime();
	}

	/**
	 * Start recording now, outside any request.
	 * @param concept what the demo teaches
	 * @return a new timeline whose clock starts now
	 */
	public static Timeline start(Concept concept) {
		return new Timeline(concept, null);
	}

	/**
	 * A demo that runs, and starts its timeline, only when subscribed, once per
	 * subscription.
	 * @param <T> what the demo emits
	 * @param concept what the demo teaches
	 * @param demo builds the demo's pipeline around its timeline
	 * @return the deferred demo
	 */
	public static <T> Mono<T> mono(Concept concept, Function<Timeline, Mono<T>> demo) {
		return Mono.deferContextual((context) -> demo.apply(new Timeline(concept, correlationId(context))));
	}

	/**
	 * The {@link Flux} counterpart of {@link #mono}.
	 * @param <T> what the demo emits
	 * @param concept what the demo teaches
	 * @param demo builds the demo's pipeline around its timeline
	 * @return the deferred demo
	 */
	public static <T> Flux<T> flux(Concept concept, Function<Timeline, Flux<T>> demo) {
		return Flux.deferContextual((context) -> demo.apply(new Timeline(concept, correlationId(context))));
	}

	private static @Nullable String correlationId(ContextView context) {
		return context.getOrDefault(CORRELATION_ID, null);
	}

	/**
	 * Record that {@code event} happened to {@code task} now, on the calling thread.
	 * @param task the task or part of the demo
	 * @param event what happened
	 */
	public void event(String task, String event) {
		long at = System.nanoTime() - this.startNanos;
		if (logger.isDebugEnabled()) {
			debug(this.concept.name() + " | " + task + ": " + event);
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

	private void debug(String message) {
		String previous = MDC.get(CORRELATION_ID);
		if (this.correlationId == null || this.correlationId.equals(previous)) {
			logger.debug(message);
			return;
		}
		MDC.put(CORRELATION_ID, this.correlationId);
		try {
			logger.debug(message);
		}
		finally {
			if (previous != null) {
				MDC.put(CORRELATION_ID, previous);
			}
			else {
				MDC.remove(CORRELATION_ID);
			}
		}
	}

	private static double toMillis(long nanos) {
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

	private record Entry(long atNanos, String task, String event, String thread) {
	}

}
