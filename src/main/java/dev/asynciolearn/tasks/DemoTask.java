package dev.asynciolearn.tasks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

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
 * <p>
 * A task runs either as a subscribed {@code Mono} ({@link #run}: it holds no thread while
 * it waits) or as blocking code on a virtual thread of its own
 * ({@link #runOnVirtualThread}: the JDK's {@code Future}, whose {@code cancel(true)}
 * interrupts that thread). Both answer the same questions the same way.
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

	private final String replica;

	private final Instant createdAt;

	private final AtomicReference<Outcome> outcome = new AtomicReference<>(PENDING);

	private final Sinks.Empty<Void> finished = Sinks.empty();

	private final List<String> callbackLog = new CopyOnWriteArrayList<>();

	private final AtomicInteger callbacks = new AtomicInteger();

	private final int maxCallbacks;

	private final Runnable onFinish;

	private volatile @Nullable Disposable running;

	private volatile @Nullable FutureTask<?> future;

	private volatile @Nullable String virtualThread;

	/**
	 * A task not started yet.
	 * @param replica the replica whose memory holds it
	 * @param onFinish called once, when its outcome is set, however it ends
	 */
	DemoTask(long id, String name, String replica, Instant createdAt, int maxCallbacks, Runnable onFinish) {
		this.id = id;
		this.name = name;
		this.replica = replica;
		this.createdAt = createdAt;
		this.maxCallbacks = maxCallbacks;
		this.onFinish = onFinish;
	}

	/**
	 * Subscribe to the work now, as {@code create_task} schedules the coroutine at once.
	 */
	void run(Mono<?> work) {
		this.running = work.subscribe((value) -> finish(State.DONE, value, null),
				(error) -> finish(State.FAILED, null, error.toString()), () -> finish(State.DONE, null, null));
	}

	/**
	 * {@code create_task} as the JDK writes it: the work is a {@link FutureTask} started
	 * on a new virtual thread named after the task, whose {@code done()} hook sets the
	 * outcome; cancelling the task is {@code future.cancel(true)}, which interrupts that
	 * thread.
	 * @param whenDone called with this task once its outcome is set, however it ends (the
	 * hook {@code ExecutorCompletionService} uses to queue finished futures)
	 */
	void runOnVirtualThread(Callable<?> work, Consumer<DemoTask> whenDone) {
		FutureTask<Object> task = new FutureTask<>(work::call) {

			@Override
			protected void done() {
				Future.State ended = state();
				switch (ended) {
					case SUCCESS -> finish(DemoTask.State.DONE, resultNow(), null);
					case FAILED -> finish(DemoTask.State.FAILED, null, exceptionNow().toString());
					default -> finish(DemoTask.State.CANCELLED, null, "CancelledError");
				}
				whenDone.accept(DemoTask.this);
			}

		};
		this.future = task;
		this.virtualThread = this.name;
		Thread.ofVirtual().name(this.name).start(task);
	}

	/**
	 * {@code task.cancel()}. On a virtual thread the future decides, as
	 * {@code Future.cancel(true)} does: work that has just returned is done, not
	 * cancelled; and the task is cancelled (its place in its budget given back) once its
	 * thread is interrupted, not once that thread has stopped: work that ignores
	 * interrupts runs on, as a coroutine that swallows {@code CancelledError} does.
	 * @return {@code true} if the task was pending and is now cancelled, {@code false} if
	 * it had already finished
	 */
	boolean cancel() {
		FutureTask<?> task = this.future;
		if (task != null) {
			// Its done() sets the outcome before this returns.
			return task.cancel(true);
		}
		if (finish(State.CANCELLED, null, "CancelledError")) {
			dispose();
			return true;
		}
		return false;
	}

	/**
	 * The work could not even start (its subscription or its thread failed): the task
	 * ends {@link State#FAILED} at once.
	 */
	void failedToStart(Throwable error) {
		finish(State.FAILED, null, error.toString());
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
		return new TaskView(this.id, this.name, this.replica, this.virtualThread, current.state(),
				current.state() != State.PENDING, current.state() == State.CANCELLED, current.result(),
				current.exception(), List.copyOf(this.callbackLog), this.createdAt, current.finishedAt());
	}

	private boolean finish(State state, @Nullable Object result, @Nullable String exception) {
		if (!this.outcome.compareAndSet(PENDING, new Outcome(state, result, exception, Instant.now()))) {
			return false;
		}
		this.onFinish.run();
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
