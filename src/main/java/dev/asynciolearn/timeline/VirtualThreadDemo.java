package dev.asynciolearn.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * A demo written as plain blocking Java, run on a virtual thread of its own and answered
 * as a {@link Report}, so that the same WebFlux app serves the virtual-thread twins: the
 * event loop only starts the thread and is told the result.
 * <p>
 * A client that hangs up interrupts that thread (asyncio would throw
 * {@code CancelledError} into the coroutine). What the demo started is interrupted in
 * turn by whatever owns it: an {@code ExecutorService} closed while its owner is
 * interrupted stops its tasks, {@code invokeAll} cancels the ones still running, a
 * blocked {@code Semaphore.acquire()} or {@code Thread.sleep} throws.
 */
public final class VirtualThreadDemo {

	/** The name of the virtual thread a request's demo runs on. */
	public static final String THREAD = "vt-request";

	private static final AtomicInteger running = new AtomicInteger();

	private VirtualThreadDemo() {
	}

	/**
	 * Run {@code demo} on a new virtual thread when subscribed, once per subscription.
	 * @param <R> the demo's result
	 * @param concept what the demo teaches
	 * @param demo the blocking demo, recording on its timeline
	 * @return the deferred demo's report
	 */
	public static <R> Mono<Report<R>> run(Concept concept, Blocking<R> demo) {
		return Timeline.mono(concept, (timeline) -> Mono.defer(() -> {
			// A sink keeps an answer that comes after a hang-up instead of dropping it.
			Sinks.One<R> answer = Sinks.one();
			Thread thread = counted(() -> {
				try {
					answer.tryEmitValue(demo.run(timeline));
				}
				catch (Throwable ex) {
					answer.tryEmitError(ex);
				}
			});
			thread.start();
			// Interrupted once the cancel has unsubscribed from the answer (doOnCancel
			// would run first): what the demo then raises finds nobody, rather than a
			// subscriber that has gone and would drop it.
			return answer.asMono().doFinally((signal) -> {
				if (signal == SignalType.CANCEL) {
					thread.interrupt();
				}
			});
		}));
	}

	/**
	 * A streaming demo written as plain blocking Java: it runs on a new virtual thread
	 * when subscribed, once per subscription, and sends its items to {@code sink} as it
	 * goes. A client that hangs up interrupts that thread; what the demo raises after
	 * that has nobody to go to and is not reported.
	 * @param <T> the items
	 * @param concept what the demo teaches
	 * @param demo the blocking demo, which completes (or errors) the sink itself
	 * @return the deferred stream
	 */
	public static <T> Flux<T> stream(Concept concept, Streaming<T> demo) {
		return Timeline.flux(concept, (timeline) -> Flux.create((sink) -> {
			Thread thread = counted(() -> {
				try {
					demo.run(timeline, sink);
				}
				catch (InterruptedException ex) {
					// The client hung up.
				}
				catch (Throwable ex) {
					if (!sink.isCancelled()) {
						sink.error(ex);
					}
				}
			});
			sink.onCancel(thread::interrupt);
			thread.start();
		}));
	}

	/**
	 * A demo's own virtual thread, not started yet, counted in {@link #running()} from
	 * now until the demo ends.
	 */
	private static Thread counted(Runnable demo) {
		running.incrementAndGet();
		return Thread.ofVirtual().name(THREAD).unstarted(() -> {
			try {
				demo.run();
			}
			finally {
				running.decrementAndGet();
			}
		});
	}

	/**
	 * {@code await asyncio.wait_for(work, timeout)} for blocking work: it runs on a new
	 * virtual thread named {@code thread}; at the limit {@code wait_for: TimeoutError} is
	 * recorded and the thread interrupted ({@code cancel(true)}), and this returns only
	 * once the work has stopped, as {@code wait_for} waits for the task it cancelled. An
	 * interrupted caller interrupts the work too.
	 * @param <T> the work's result
	 * @param timeline where the timeout is recorded
	 * @param thread the work's thread's name
	 * @param work the blocking work, which must not answer {@code null}
	 * @param timeout the limit
	 * @return the work's result, or empty when the limit came first
	 * @throws Exception what the work raised, or {@link InterruptedException}
	 */
	public static <T> Optional<T> waitFor(Timeline timeline, String thread, Callable<T> work, Duration timeout)
			throws Exception {
		try (ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(thread).factory())) {
			Future<T> future = executor.submit(work);
			try {
				return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
			}
			catch (TimeoutException ex) {
				timeline.event("wait_for", Event.TIMEOUT);
				future.cancel(true);
				// Closing the executor waits for the work to stop.
				return Optional.empty();
			}
			catch (InterruptedException ex) {
				future.cancel(true);
				throw ex;
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : new IllegalStateException(ex.getCause());
			}
		}
	}

	/**
	 * The demos whose thread is running now; a demo's own threads end before it does, but
	 * for the tasks it leaves in the task registry (the {@code wait} twin's), which run
	 * on as asyncio's do.
	 * @return how many
	 */
	public static int running() {
		return running.get();
	}

	/**
	 * Run {@code count} workers at once, each on a new virtual thread named
	 * {@code prefix + i}, and wait for them all: {@code await asyncio.gather(*workers)}
	 * for workers that return nothing. An interrupted caller interrupts them too; the
	 * first worker that raises stops the others, and its exception is raised here.
	 * @param prefix the start of the threads' names, e.g. {@code "worker-"}
	 * @param count how many workers
	 * @param worker what worker {@code i} does
	 * @throws InterruptedException if the caller was interrupted meanwhile
	 */
	public static void runAll(String prefix, int count, Worker worker) throws InterruptedException {
		runAll(new Group(prefix, count, worker));
	}

	/**
	 * {@link #runAll(String, int, Worker)} for workers of several kinds at once, such as
	 * producers and consumers, each kind with its own names.
	 * @param groups the kinds of worker
	 * @throws InterruptedException if the caller was interrupted meanwhile
	 */
	public static void runAll(Group... groups) throws InterruptedException {
		List<ExecutorService> executors = new CopyOnWriteArrayList<>();
		AtomicReference<@Nullable Throwable> failed = new AtomicReference<>();
		try {
			for (Group group : groups) {
				ExecutorService executor = Executors.newThreadPerTaskExecutor(group.threads());
				executors.add(executor);
				for (int i = 0; i < group.count() && failed.get() == null; i++) {
					int index = i;
					submit(executor, () -> {
						try {
							group.worker().run(index);
						}
						catch (InterruptedException ex) {
							// Stopped: by the caller's interruption, or by a peer's
							// failure.
						}
						catch (Throwable ex) {
							// As gather raises the first exception; the others are
							// stopped
							// rather than left waiting for a peer that is gone.
							if (failed.compareAndSet(null, ex)) {
								executors.forEach(ExecutorService::shutdownNow);
							}
						}
					});
				}
			}
		}
		finally {
			if (failed.get() != null) {
				// Also the executors made after the failure's own shutdownNow.
				executors.forEach(ExecutorService::shutdownNow);
			}
			// close() waits; interrupted meanwhile, it stops the workers and keeps the
			// flag.
			executors.forEach(ExecutorService::close);
		}
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
		Throwable failure = failed.get();
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
	}

	private static void submit(ExecutorService executor, Runnable worker) {
		try {
			executor.execute(worker);
		}
		catch (RejectedExecutionException ex) {
			// A worker already failed and stopped this executor: nothing more to start.
		}
	}

	/**
	 * Workers of one kind.
	 *
	 * @param prefix the start of their threads' names: {@code "producer-"} names them
	 * {@code producer-0}, {@code producer-1}...; a name without the dash names a lone
	 * worker as it is ({@code "setter"})
	 * @param count how many
	 * @param worker what worker {@code i} does
	 */
	public record Group(String prefix, int count, Worker worker) {

		ThreadFactory threads() {
			Thread.Builder.OfVirtual builder = Thread.ofVirtual();
			return (this.prefix.endsWith("-") ? builder.name(this.prefix, 0) : builder.name(this.prefix)).factory();
		}

	}

	/**
	 * One of {@link #runAll}'s workers.
	 */
	@FunctionalInterface
	public interface Worker {

		/**
		 * Do worker {@code index}'s part on the calling thread.
		 * @param index which worker
		 * @throws InterruptedException when interrupted while it blocks
		 */
		void run(int index) throws InterruptedException;

	}

	/**
	 * A streaming demo as ordinary blocking code.
	 *
	 * @param <T> its items
	 */
	@FunctionalInterface
	public interface Streaming<T> {

		/**
		 * Run the demo on the calling thread, sending its items and its end to
		 * {@code sink}.
		 * @param timeline where it records what happens
		 * @param sink where its items go
		 * @throws Exception whatever it raised, {@link InterruptedException} included
		 */
		void run(Timeline timeline, FluxSink<T> sink) throws Exception;

	}

	/**
	 * A demo as ordinary blocking code.
	 *
	 * @param <R> its result
	 */
	@FunctionalInterface
	public interface Blocking<R> {

		/**
		 * Run the demo on the calling thread.
		 * @param timeline where it records what happens
		 * @return its result
		 * @throws Exception whatever it raised, {@link InterruptedException} included
		 */
		R run(Timeline timeline) throws Exception;

	}

}
