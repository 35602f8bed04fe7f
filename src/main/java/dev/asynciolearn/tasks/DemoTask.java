package dev.asynciolearn.tasks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An {@code asyncio.Task}: work that was started at once and can be looked at, awaited,
 * cancelled, and given done callbacks.
 * <p>
 * Its outcome is set once, from {@link State#PENDING} to {@link State#DONE},
 * {@link State#FAILED} or {@link State#CANCELLED}, whichever comes first; that makes
 * {@link #cancel} answer exactly as {@code Task.cancel()} does.
 */
public final class DemoTask {

	/** Where a task is in its life. */
	public enum State {

		/** Running, or waiting to run: {@code not task.done()}. */
		PENDING,
		/** Finished with a result: {@code task.result()}. */
		DONE,
		/** Finished with an exception: {@code task.exception()}. */
		FAILED,
		/** Cancelled while pending: awaiting it raises {@code CancelledError}. */
		CANCELLED

	}

	private static final Outcome PENDING = new Outcome(State.PENDING, null, null, null);

	private final long id;

	private final String name;

	private final Instant createdAt;

	private final AtomicReference<Outcome> outcome = new AtomicReference<>(PENDING);

	private final Sinks.Empty<Void> finished = Sinks.empty();

	private final List<String> callbackLog = new CopyOnWriteArrayList<>();

	private final AtomicInteger callbacks = new AtomicInteger();

	private final int maxCallbacks;

	private volatile @Nullable Disposable running;

	DemoTask(long id, String name, Instant createdAt, int maxCallbacks) {
		this.id = id;
		this.name = name;
		this.createdAt = createdAt;
		this.maxCallbacks = maxCallbacks;
	}

	/**
	 * Subscribe to the work now, as {@code create_task} schedules the coroutine at once.
	 */
	void run(Mono<?> work, Runnable onFinish) {
		this.running = work.subscribe((value) -> finish(State.DONE, value, null, onFinish),
				(error) -> finish(State.FAILED, null, error.toString(), onFinish),
				() -> finish(State.DONE, null, null, onFinish));
		if (state() == State.CANCELLED) {
			dispose();
		}
	}

	/**
	 * {@code task.cancel()}.
	 * @param onFinish called if this call cancelled the task
	 * @return {@code true} if the task was pending and is now cancelled, {@code false} if
	 * it had already finished
	 */
	boolean cancel(Runnable onFinish) {
		if (finish(State.CANCELLED, null, "CancelledError", onFinish)) {
			dispose();
			return true;
		}
		return false;
	}

	/**
	 * {@code task.add_done_callback(fn)}: runs once when the task finishes, or right away
	 * if it already has (the finished signal replays to late subscribers).
	 * @param callback the callback's name, as it appears in the log
	 * @return {@code false}, without adding it, when the task has all the callbacks it
	 * may have: each one is kept (and listed in the view) as long as the task
	 */
	public boolean addDoneCallback(String callback) {
		if (this.callbacks.incrementAndGet() > this.maxCallbacks) {
			this.callbacks.decrementAndGet();
			return false;
		}
		this.finished.asMono().subscribe(null, null, () -> runCallback(callback));
		return true;
	}

	/**
	 * {@code await task}, without its result: completes once the task has finished in any
	 * way.
	 * @return completes when the task is done, failed or cancelled
	 */
	public Mono<Void> whenFinished() {
		return this.finished.asMono();
	}

	public long id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public State state() {
		return this.outcome.get().state();
	}

	public boolean isDone() {
		return state() != State.PENDING;
	}

	@Nullable Instant finishedAt() {
		return this.outcome.get().finishedAt();
	}

	public TaskView view() {
		Outcome current = this.outcome.get();
		return new TaskView(this.id, this.name, current.state(), current.state() != State.PENDING,
				current.state() == State.CANCELLED, current.result(), current.exception(),
				List.copyOf(this.callbackLog), this.createdAt, current.finishedAt());
	}

	private boolean finish(State state, @Nullable Object result, @Nullable String exception, Runnable onFinish) {
		if (!this.outcome.compareAndSet(PENDING, new Outcome(state, result, exception, Instant.now()))) {
			return false;
		}
		onFinish.run();
		this.finished.tryEmitEmpty();
		return true;
	}

	private void runCallback(String callback) {
		Outcome current = this.outcome.get();
		this.callbackLog.add(callback + "(task '" + this.name + "'): " + current.state()
				+ ((current.result() != null) ? ", result=" + current.result() : "")
				+ ((current.exception() != null) ? ", exception=" + current.exception() : ""));
	}

	private void dispose() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
	}

	private record Outcome(State state, @Nullable Object result, @Nullable String exception,
			@Nullable Instant finishedAt) {
	}

}
