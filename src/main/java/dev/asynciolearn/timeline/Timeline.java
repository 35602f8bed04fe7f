package dev.asynciolearn.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
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
 * A demo starts one with {@link #mono}, {@link #request} or {@link #flux}: like
 * {@code Mono.defer}, nothing happens until subscription, and the timeline also picks up
 * the request's correlation id from the Reactor context, the request-scoped store that
 * plays the part of Python's {@code contextvars}. Debug log lines of the timeline carry
 * that id on whichever thread they are written, without copying thread-locals at every
 * operator, which is what {@code spring.reactor.context-propagation=auto} would do at a
 * measured cost in CPU per request (bench/README.md).
 */
public final class Timeline {

	/** Events kept per timeline; further events are counted as dropped. */
	public static final int MAX_EVENTS = 10_000;

	/** The task that stands for the whole request in {@link #request} demos. */
	public static final String REQUEST = "request";

	private static final Log logger = LogFactory.getLog(Timeline.class);

	private final Concept concept;

	private final @Nullable String correlationId;

	private final long startNanos;

	private final Queue<TimelineEvent> entries = new ConcurrentLinkedQueue<>();

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
	 * subscription; its result becomes the report.
	 * @param <R> the demo's result
	 * @param concept what the demo teaches
	 * @param demo builds the demo's pipeline around its timeline
	 * @return the deferred demo's report
	 */
	public static <R> Mono<Report<R>> mono(Concept concept, Function<Timeline, Mono<R>> demo) {
		return Mono.deferContextual((context) -> {
			Timeline timeline = new Timeline(concept, correlationId(context));
			return demo.apply(timeline).map(timeline::report);
		});
	}

	/**
	 * {@link #mono}, with the whole request on a {@value #REQUEST} row: started at
	 * subscription, done when the result is there.
	 * @param <R> the demo's result
	 * @param concept what the demo teaches
	 * @param demo builds the demo's pipeline around its timeline
	 * @return the deferred demo's report
	 */
	public static <R> Mono<Report<R>> request(Concept concept, Function<Timeline, Mono<R>> demo) {
		return mono(concept, (timeline) -> {
			timeline.event(REQUEST, Event.START);
			return demo.apply(timeline).doOnNext((result) -> timeline.event(REQUEST, Event.DONE));
		});
	}

	/**
	 * The {@link Flux} counterpart of {@link #mono}, for demos that stream their items.
	 * @param <T> what the demo emits
	 * @param concept what the demo teaches
	 * @param demo builds the demo's pipeline around its timeline
	 * @return the deferred demo
	 */
	public static <T> Flux<T> flux(Concept concept, Function<Timeline, Flux<T>> demo) {
		return Flux.deferContextual((context) -> demo.apply(new Timeline(concept, correlationId(context))));
	}

	private static @Nullable String correlationId(ContextView context) {
		return context.getOrDefault(CorrelatedLog.KEY, null);
	}

	/**
	 * Record that {@code event} happened to {@code task} now, on the calling thread.
	 * @param task the task or part of the demo
	 * @param event what happened
	 */
	public void event(String task, Event event) {
		event(task, event, null);
	}

	/**
	 * Record that {@code event} happened to {@code task} now, on the calling thread.
	 * @param task the task or part of the demo
	 * @param event what happened
	 * @param detail what it concerned (a value, an item, an exception), or {@code null}
	 */
	public void event(String task, Event event, @Nullable Object detail) {
		long at = System.nanoTime() - this.startNanos;
		String text = (detail != null) ? detail.toString() : null;
		if (logger.isDebugEnabled()) {
			CorrelatedLog.run(this.correlationId, () -> logger
				.debug(this.concept.name() + " | " + task + ": " + event + ((text != null) ? " " + text : "")));
		}
		if (this.size.getAndIncrement() < MAX_EVENTS) {
			Thread thread = Thread.currentThread();
			this.entries.add(new TimelineEvent(toMillis(at), task, event, text, thread.getName(), carrier(thread)));
		}
	}

	/**
	 * The platform thread carrying a virtual thread now. The JDK names it only in the
	 * virtual thread's {@code toString()}:
	 * {@code VirtualThread[#42,job-1]/runnable@ForkJoinPool-1-worker-2}.
	 */
	private static @Nullable String carrier(Thread thread) {
		if (!thread.isVirtual()) {
			return null;
		}
		String description = thread.toString();
		int at = description.lastIndexOf('@');
		return (at >= 0) ? description.substring(at + 1) : null;
	}

	/**
	 * A task's life from the signals of its {@code Mono} ({@link TaskListener}):
	 * {@code started} at subscription, then its first ending: {@code finished} on a value
	 * or completion, {@link Event#ERROR} or {@link Event#CANCELLED}.
	 * @param <T> the task's value
	 * @param task the task's row
	 * @param started what subscribing means for it, e.g. {@link Event#START} or
	 * {@link Event#SUSPEND}
	 * @param finished what its value means, e.g. {@link Event#DONE} or
	 * {@link Event#RESUME}
	 * @return the recording, for {@code mono.transform(...)}
	 */
	public <T> Function<Mono<T>, Mono<T>> task(String task, Event started, Event finished) {
		return task(task, started, finished, (ending) -> {
		});
	}

	/**
	 * {@link #task(String, Event, Event)}, also telling {@code ended} how the task ended.
	 * @param <T> the task's value
	 * @param task the task's row
	 * @param started what subscribing means for it
	 * @param finished what its value means
	 * @param ended told the task's first ending, once
	 * @return the recording, for {@code mono.transform(...)}
	 */
	public <T> Function<Mono<T>, Mono<T>> task(String task, Event started, Event finished, Consumer<Ending> ended) {
		return TaskListener.of(this, task, started, finished, ended);
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
	 * @param <R> the demo's result
	 * @param result what the demo computed
	 * @return the report with the events recorded so far, in time order
	 */
	public <R> Report<R> report(R result) {
		double elapsed = elapsedMs();
		int dropped = Math.max(0, this.size.get() - MAX_EVENTS);
		return new Report<>(this.concept.name(), this.concept.asyncio(), this.concept.reactor(), elapsed, result,
				events(), dropped);
	}

	/**
	 * The events recorded so far.
	 * @return the events, in time order
	 */
	public List<TimelineEvent> events() {
		List<TimelineEvent> events = new ArrayList<>(this.entries);
		events.sort(Comparator.comparingDouble(TimelineEvent::atMs));
		return events;
	}

	private static double toMillis(long nanos) {
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

}
