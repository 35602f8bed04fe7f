package dev.asynciolearn.timeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
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
			running.incrementAndGet();
			Thread thread = Thread.ofVirtual().name(THREAD).start(() -> {
				try {
					answer.tryEmitValue(demo.run(timeline));
				}
				catch (Throwable ex) {
					answer.tryEmitError(ex);
				}
				finally {
					running.decrementAndGet();
				}
			});
			return answer.asMono().doOnCancel(thread::interrupt);
		}));
	}

	/**
	 * The demos whose thread is running now; a demo's own threads end before it does.
	 * @return how many
	 */
	public static int running() {
		return running.get();
	}

	/**
	 * Run {@code count} workers at once, each on a new virtual thread named
	 * {@code prefix + i}, and wait for them all: {@code await asyncio.gather(*workers)}
	 * for workers that return nothing. An interrupted caller interrupts them too.
	 * @param prefix the start of the threads' names, e.g. {@code "worker-"}
	 * @param count how many workers
	 * @param worker what worker {@code i} does
	 * @throws InterruptedException if the caller was interrupted meanwhile
	 */
	public static void runAll(String prefix, int count, Worker worker) throws InterruptedException {
		try (ExecutorService executor = Executors
			.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 0).factory())) {
			for (int i = 0; i < count; i++) {
				int index = i;
				executor.submit(() -> {
					worker.run(index);
					return null;
				});
			}
		}
		// close() waited; interrupted meanwhile, it stopped the workers and kept the
		// flag.
		if (Thread.interrupted()) {
			throw new InterruptedException();
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
