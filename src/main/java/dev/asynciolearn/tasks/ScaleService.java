package dev.asynciolearn.tasks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Chapter 1's claim, measured: "a coroutine is far lighter than a thread; one thread runs
 * many coroutines; launching 1000 threads is far more expensive". Many concurrent waits
 * as {@code Mono}s (the coroutines here) against one platform thread per wait, and, on
 * Java 21+, one virtual thread per wait (the JVM's other answer to the same problem).
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
	 * {@code count} waits of {@code delay} as Monos, all at once.
	 */
	Mono<Report> monos(int count, Duration delay) {
		return exclusively(Timeline.mono(SCALE, (timeline) -> {
			return measureMonos(timeline, count, delay).map((result) -> timeline.report(result));
		}));
	}

	/**
	 * The same waits as Monos, as platform threads, and (Java 21+) as virtual threads,
	 * with the ratios.
	 */
	Mono<Report> compare(int count, Duration delay) {
		return exclusively(Timeline.mono(SCALE, (timeline) -> {
			return measureMonos(timeline, count, delay)
				.flatMap((monos) -> measureThreads(timeline, count, delay, false).flatMap((platform) -> {
					Mono<Map<String, Object>> virtual = virtualThreadsAvailable()
							? measureThreads(timeline, count, delay, true) : Mono.just(Map.of("available", false, "why",
									"virtual threads need Java 21+; this JVM is " + Runtime.version().feature()));
					return virtual.map((virtualResult) -> {
						Map<String, Object> result = new LinkedHashMap<>();
						result.put("monos", monos);
						result.put("platformThreads", platform);
						result.put("virtualThreads", virtualResult);
						result.put("ratios", ratios(monos, platform));
						return timeline.report(result);
					});
				}));
		}));
	}

	private Mono<Map<String, Object>> measureMonos(Timeline timeline, int count, Duration delay) {
		return Mono.defer(() -> {
			timeline.event("monos", "start " + count);
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
				double elapsedMs = (System.nanoTime() - start) / 1e6;
				timeline.event("monos", "done");
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("count", count);
				result.put("delayMs", delay.toMillis());
				result.put("elapsedMs", round(elapsedMs));
				result.put("startMs", round(startNanos / 1e6));
				result.put("startNanosPerWait", startNanos / count);
				result.put("allocatedBytesPerWait", (allocated >= 0) ? allocated / count : null);
				result.put("distinctThreads", names.size());
				result.put("threads", new TreeSet<>(names));
				result.put("javaThreadsInTheJvm", javaThreads);
				return result;
			}));
		});
	}

	/**
	 * One thread per wait, each sleeping {@code delay}. Started from a worker, never from
	 * the event loop; completion is awaited without blocking through one future per
	 * thread.
	 */
	private Mono<Map<String, Object>> measureThreads(Timeline timeline, int count, Duration delay, boolean virtual) {
		String kind = virtual ? "virtual-threads" : "platform-threads";
		return Mono.fromCallable(() -> {
			timeline.event(kind, "start " + count);
			Long rssBefore = residentSetBytes();
			int threadsBefore = threads.getThreadCount();
			List<CompletableFuture<Void>> finished = new ArrayList<>(count);
			AtomicInteger alive = new AtomicInteger();
			AtomicInteger peakAlive = new AtomicInteger();
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				CompletableFuture<Void> done = new CompletableFuture<>();
				finished.add(done);
				startThread(virtual, () -> {
					peakAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
					try {
						Thread.sleep(delay.toMillis());
						alive.decrementAndGet();
						done.complete(null);
					}
					catch (InterruptedException ex) {
						alive.decrementAndGet();
						Thread.currentThread().interrupt();
						done.completeExceptionally(ex);
					}
				});
			}
			long startNanos = System.nanoTime() - start;
			Long rssAfter = residentSetBytes();
			int threadsDuring = threads.getThreadCount();
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("count", count);
			result.put("delayMs", delay.toMillis());
			result.put("startMs", round(startNanos / 1e6));
			result.put("startNanosPerThread", startNanos / count);
			result.put("javaThreadsBefore", threadsBefore);
			result.put("javaThreadsWhileSleeping", threadsDuring);
			result.put("residentMemoryPerThreadBytes",
					(rssBefore != null && rssAfter != null) ? Math.max(0, rssAfter - rssBefore) / count : null);
			return new Started(start, finished, peakAlive, result);
		})
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((started) -> Mono
				.fromFuture(CompletableFuture.allOf(started.finished().toArray(CompletableFuture[]::new)))
				.then(Mono.fromSupplier(() -> {
					timeline.event(kind, "done");
					started.result().put("threadsAliveAtOnce", started.peakAlive().get());
					started.result().put("elapsedMs", round((System.nanoTime() - started.startNanos()) / 1e6));
					return started.result();
				})));
	}

	private Mono<Report> exclusively(Mono<Report> experiment) {
		return Mono.defer(() -> {
			if (!this.running.compareAndSet(false, true)) {
				return Mono.error(new ExperimentRunningException());
			}
			return experiment.doFinally((signal) -> this.running.set(false));
		});
	}

	private static Map<String, Object> ratios(Map<String, Object> monos, Map<String, Object> platform) {
		Map<String, Object> ratios = new LinkedHashMap<>();
		long monoStart = Math.max(1, (Long) monos.get("startNanosPerWait"));
		ratios.put("threadStartCostVsMono", round((Long) platform.get("startNanosPerThread") / (double) monoStart));
		Object monoBytes = monos.get("allocatedBytesPerWait");
		Object threadBytes = platform.get("residentMemoryPerThreadBytes");
		ratios.put("threadMemoryVsMono", (monoBytes instanceof Long mb && threadBytes instanceof Long tb && mb > 0)
				? round(tb / (double) mb) : null);
		return ratios;
	}

	private static void startThread(boolean virtual, Runnable task) {
		if (!virtual) {
			Thread thread = new Thread(task, "scale-platform");
			thread.setDaemon(true);
			thread.start();
			return;
		}
		try {
			Method startVirtualThread = Thread.class.getMethod("startVirtualThread", Runnable.class);
			startVirtualThread.invoke(null, task);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Virtual threads are not available", ex);
		}
	}

	static boolean virtualThreadsAvailable() {
		return Runtime.version().feature() >= 21;
	}

	/** Bytes allocated so far by the calling thread, where the JVM can tell. */
	private static long allocatedBytes() {
		if (threads instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
			return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
		}
		return -1;
	}

	/**
	 * The process's resident memory (Linux {@code /proc}); {@code null} elsewhere.
	 * Blocking: call from a worker.
	 */
	private static @Nullable Long residentSetBytes() {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return null;
		}
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private record Started(long startNanos, List<CompletableFuture<Void>> finished, AtomicInteger peakAlive,
			Map<String, Object> result) {
	}

	/**
	 * Another scale experiment is running: its numbers would be distorted.
	 */
	static final class ExperimentRunningException extends ErrorResponseException {

		ExperimentRunningException() {
			super(HttpStatus.TOO_MANY_REQUESTS, problem(), null);
		}

		private static ProblemDetail problem() {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"Another scale experiment is running; one at a time keeps the numbers honest. Try again shortly.");
			problem.setTitle("Experiment already running");
			return problem;
		}

	}

}
