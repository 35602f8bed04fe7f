package dev.asynciolearn.coroutines;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * Chapter 1's claim, measured: "a coroutine is far lighter than a thread; one thread runs
 * many coroutines; launching 1000 threads is far more expensive". Many concurrent waits
 * as {@code Mono}s (the coroutines here) against one platform thread per wait, and one
 * virtual thread per wait (the JVM's other answer to the same problem).
 * <p>
 * The difference that matters: a waiting {@code Mono} is a scheduled timer task and a few
 * small objects, with no stack of its own; it is closer to a callback than to Python's
 * coroutine frame, and even lighter. One experiment runs at a time, so that two do not
 * distort each other's numbers.
 */
@Service
class ScaleService {

	static final Concept SCALE = new Concept("many concurrent waits: coroutines (Monos) vs threads",
			"await asyncio.gather(*[asyncio.sleep(d) for _ in range(n)])  # vs n threads doing time.sleep(d)",
			"Mono.when(n x Mono.delay(d))  // vs new Thread(() -> Thread.sleep(d)) x n");

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final AtomicBoolean running = new AtomicBoolean();

	/**
	 * {@code count} waits as Monos, all at once.
	 */
	Mono<Report<MonoWaits>> monos(ScaleRequest request) {
		return exclusively(Timeline.mono(SCALE,
				(timeline) -> measureMonos(timeline, request.count(), Duration.ofMillis(request.delayMs()))));
	}

	/**
	 * The same waits as Monos, as platform threads, and as virtual threads, with the
	 * ratios.
	 */
	Mono<Report<ScaleComparison>> compare(ScaleThreadsRequest request) {
		int count = request.count();
		Duration delay = Duration.ofMillis(request.delayMs());
		return exclusively(Timeline.mono(SCALE,
				(timeline) -> measureMonos(timeline, count, delay)
					.flatMap((monos) -> measureThreads(timeline, count, delay, ThreadKind.PLATFORM)
						.flatMap((platform) -> measureThreads(timeline, count, delay, ThreadKind.VIRTUAL)
							.map((virtual) -> ScaleComparison.of(monos, platform, virtual))))));
	}

	private Mono<MonoWaits> measureMonos(Timeline timeline, int count, Duration delay) {
		return Mono.defer(() -> {
			timeline.event("monos", Event.START, count);
			Set<String> names = ConcurrentHashMap.newKeySet();
			long allocatedBefore = allocatedBytes();
			long start = System.nanoTime();
			// Mono.when counts completions; a flatMap this wide would rescan its inners
			// on every emission.
			List<Mono<Long>> sleeps = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				sleeps.add(Mono.delay(delay).doOnNext((tick) -> names.add(Thread.currentThread().getName())));
			}
			CompletableFuture<Void> waits = Mono.when(sleeps).toFuture();
			long startNanos = System.nanoTime() - start;
			long allocated = allocatedBytes() - allocatedBefore;
			int javaThreads = threads.getThreadCount();
			return Mono.fromFuture(waits).then(Mono.fromSupplier(() -> {
				timeline.event("monos", Event.DONE);
				return new MonoWaits(count, delay.toMillis(), ScaleComparison.round((System.nanoTime() - start) / 1e6),
						ScaleComparison.round(startNanos / 1e6), startNanos / count,
						(allocated >= 0) ? allocated / count : null, names.size(), new TreeSet<>(names), javaThreads);
			}));
		});
	}

	/**
	 * One thread per wait, each sleeping {@code delay}. Started from a worker, never from
	 * the event loop; completion is awaited without blocking through one future per
	 * thread.
	 */
	private Mono<ThreadWaits> measureThreads(Timeline timeline, int count, Duration delay, ThreadKind kind) {
		return Mono.fromCallable(() -> {
			timeline.event(kind.task(), Event.START, count);
			Long rssBefore = ProcessMemory.residentSetBytes();
			int threadsBefore = threads.getThreadCount();
			List<CompletableFuture<Void>> finished = new ArrayList<>(count);
			AtomicInteger alive = new AtomicInteger();
			AtomicInteger peakAlive = new AtomicInteger();
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				CompletableFuture<Void> done = new CompletableFuture<>();
				finished.add(done);
				kind.start(() -> sleep(delay, alive, peakAlive, done));
			}
			long startNanos = System.nanoTime() - start;
			Long rssAfter = ProcessMemory.residentSetBytes();
			int threadsDuring = threads.getThreadCount();
			Long perThread = (rssBefore != null && rssAfter != null) ? Math.max(0, rssAfter - rssBefore) / count : null;
			return Mono.fromFuture(CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new)))
				.then(Mono.fromSupplier(() -> {
					timeline.event(kind.task(), Event.DONE);
					return new ThreadWaits(count, delay.toMillis(), ScaleComparison.round(startNanos / 1e6),
							startNanos / count, threadsBefore, threadsDuring, perThread, peakAlive.get(),
							ScaleComparison.round((System.nanoTime() - start) / 1e6));
				}));
		}).subscribeOn(Schedulers.boundedElastic()).flatMap((waits) -> waits);
	}

	private static void sleep(Duration delay, AtomicInteger alive, AtomicInteger peakAlive,
			CompletableFuture<Void> done) {
		peakAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
		try {
			Thread.sleep(delay.toMillis());
			done.complete(null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			done.completeExceptionally(ex);
		}
		finally {
			alive.decrementAndGet();
		}
	}

	private <R> Mono<Report<R>> exclusively(Mono<Report<R>> experiment) {
		return Mono.defer(() -> {
			if (!this.running.compareAndSet(false, true)) {
				return Mono.error(ApiProblem.tooManyRequests("Experiment already running",
						"Another scale experiment is running; one at a time keeps the numbers honest. "
								+ "Try again shortly.",
						Duration.ofSeconds(5)));
			}
			return experiment.doFinally((signal) -> this.running.set(false));
		});
	}

	/** Bytes allocated so far by the calling thread, where the JVM can tell. */
	private static long allocatedBytes() {
		if (threads instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
			return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
		}
		return -1;
	}

}
