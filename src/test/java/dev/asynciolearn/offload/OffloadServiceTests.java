package dev.asynciolearn.offload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.asynciolearn.offload.OffloadService.Finished;
import dev.asynciolearn.offload.OffloadService.LongTaskResult;
import dev.asynciolearn.offload.OffloadService.LongTaskSignal;
import dev.asynciolearn.offload.OffloadService.MixedResult;
import dev.asynciolearn.offload.OffloadService.Tick;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OffloadServiceTests {

	@TempDir
	static Path directory;

	static DataFolder folder;

	private final OffloadService service = new OffloadService(folder,
			new OffloadProperties(directory, Duration.ofMillis(50), true));

	@BeforeAll
	static void createSamples() {
		folder = new DataFolder(new OffloadProperties(directory, Duration.ZERO, true));
	}

	@Test
	void ioCompletesAfterTheDelayAndNotBefore() {
		StepVerifier.withVirtualTime(() -> this.service.io(Duration.ofSeconds(5)))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.assertNext((report) -> {
				assertThat(report.result()).isEqualTo(new OffloadService.IoResult(5000));
				assertThat(events(report)).containsExactly("request:start", "io:suspend", "io:resume", "request:done");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void fiftyIoWaitsOverlapInsteadOfAddingUp() {
		StepVerifier.withVirtualTime(() -> Flux.range(0, 50).flatMap((i) -> this.service.io(Duration.ofMillis(500))))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(50)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void ioBlocksNoThreadAndNeverTouchesBoundedElastic() {
		StepVerifier.create(this.service.io(Duration.ofMillis(20))).assertNext((report) -> {
			assertThat(threadsOf(report)).noneMatch((thread) -> thread.startsWith("boundedElastic-"));
			assertThat(threadOf(report, "io", "resume")).startsWith("parallel-");
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(this.service.blockingCallsRunning()).isZero();
	}

	@Test
	void fileReadRunsOnBoundedElasticAndHashesTheBytesOnDisk() throws Exception {
		String expected = DataFolderTests.sha256(directory.resolve("1MiB.bin"));
		String testThread = Thread.currentThread().getName();
		StepVerifier.create(this.service.file("1MiB.bin", Duration.ofMillis(10))).assertNext((report) -> {
			FileDigest digest = (FileDigest) report.result();
			assertThat(digest.sha256()).isEqualTo(expected);
			assertThat(digest.sizeBytes()).isEqualTo(1 << 20);
			assertThat(digest.latencyMs()).isGreaterThanOrEqualTo(10);
			assertThat(events(report)).containsExactly("request:start", "read:hop", "read:start", "read:done",
					"request:done");
			assertThat(threadOf(report, "request", "start")).isEqualTo(testThread);
			assertThat(threadOf(report, "read", "start")).startsWith("boundedElastic-");
			assertThat(threadOf(report, "read", "done")).startsWith("boundedElastic-");
		}).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void offloadedReadsWaitForStorageSideBySide() {
		long start = System.nanoTime();
		List<Report> reports = Flux.range(0, 8)
			.flatMap((i) -> this.service.file("1KiB.bin", Duration.ofMillis(500)))
			.collectList()
			.block(Duration.ofSeconds(10));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isLessThan(Duration.ofMillis(8 * 500 / 2));
		assertThat(reports).extracting((report) -> threadOf(report, "read", "start")).doesNotHaveDuplicates();
	}

	@Test
	void theAntiPatternReadsOnTheSubscribingThread() {
		String testThread = Thread.currentThread().getName();
		StepVerifier.create(this.service.fileBlocking("1KiB.bin", Duration.ZERO)).assertNext((report) -> {
			assertThat(report.concept()).startsWith("ANTI-PATTERN");
			assertThat(threadOf(report, "read", "start")).isEqualTo(testThread);
			assertThat(threadsOf(report)).noneMatch((thread) -> thread.startsWith("boundedElastic-"));
			assertThat(events(report)).containsExactly("request:start", "read:start", "read:done", "request:done");
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void mixedHopsToBoundedElasticForTheReadAndOffItForTheIo() {
		StepVerifier.create(this.service.mixed(Duration.ofMillis(30), "1KiB.bin", Duration.ZERO))
			.assertNext((report) -> {
				assertThat(events(report)).containsExactly("request:start", "io-before:suspend", "io-before:resume",
						"read:hop", "read:start", "read:done", "io-after:suspend", "io-after:resume", "request:done");
				assertThat(threadOf(report, "io-before", "resume")).startsWith("parallel-");
				assertThat(threadOf(report, "read", "start")).startsWith("boundedElastic-");
				assertThat(threadOf(report, "io-after", "resume")).startsWith("parallel-");
				assertThat(((MixedResult) report.result()).file().name()).isEqualTo("1KiB.bin");
				assertThat(report.elapsedMs()).isGreaterThanOrEqualTo(60);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aMissingFileIsAnError() {
		StepVerifier.create(this.service.file("missing.bin", Duration.ZERO))
			.expectError(DataFileNotFoundException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.service.blockingCallsRunning()).isZero();
	}

	@Test
	void cancellingAnOffloadedReadInterruptsItsWorker() {
		Disposable request = this.service.file("1KiB.bin", Duration.ofSeconds(30)).subscribe();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.blockingCallsRunning() == 1);
		request.dispose();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.blockingCallsRunning() == 0);
	}

	@Test
	void readsBeyondTheBoundedElasticThreadsQueueUntilAThreadIsFree() {
		int threads = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE;
		Disposable reads = Flux.range(0, threads + 3)
			.flatMap((i) -> this.service.file("1KiB.bin", Duration.ofSeconds(10)), threads + 3)
			.subscribe();
		try {
			// At most `threads` run at once (fewer if another test still holds a thread).
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(this.service.blockingCallsRunning() + this.service.blockingCallsQueued())
					.isEqualTo(threads + 3);
				assertThat(this.service.blockingCallsQueued()).isGreaterThanOrEqualTo(3);
			});
		}
		finally {
			reads.dispose();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.blockingCallsRunning() == 0);
		assertThat(this.service.blockingCallsQueued()).as("cancelled while queued").isZero();
	}

	@Test
	void ticksKeepTheirCadenceWhileTheBlockingJobRuns() {
		List<LongTaskSignal> signals = this.service.longTask(Duration.ofMillis(600), Duration.ofMillis(50))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(signals).last().isInstanceOf(Finished.class);
		List<Tick> ticks = signals.stream().filter(Tick.class::isInstance).map(Tick.class::cast).toList();
		assertThat(ticks).hasSizeGreaterThanOrEqualTo(600 / 50 - 1);
		assertThat(ticks).extracting(Tick::thread).allMatch((thread) -> thread.startsWith("parallel-"));
		assertThat(ticks).extracting(Tick::n).isSorted();
		Report report = ((Finished) signals.get(signals.size() - 1)).report();
		assertThat(threadOf(report, "job", "start")).startsWith("boundedElastic-");
		LongTaskResult result = (LongTaskResult) report.result();
		assertThat(result.ticks()).isEqualTo(ticks.size());
		assertThat(result.ticksExpected()).isEqualTo(12);
		assertThat(events(report)).startsWith("request:start", "job:hop")
			.endsWith("request:done")
			.containsSubsequence("job:start", "job:done")
			.filteredOn("ticker:tick"::equals)
			.hasSize(ticks.size());
		double jobStart = atMsOf(report, "job", "start");
		double jobDone = atMsOf(report, "job", "done");
		assertThat(ticks).filteredOn((tick) -> tick.atMs() > jobStart && tick.atMs() < jobDone)
			.as("ticks while the job blocked its worker")
			.hasSizeGreaterThanOrEqualTo(600 / 50 - 2);
	}

	@Test
	void cancellingTheStreamStopsTheTicksAndInterruptsTheJob() {
		StepVerifier.create(this.service.longTask(Duration.ofSeconds(30), Duration.ofMillis(20)))
			.expectNextCount(3)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.service.blockingCallsRunning() == 0);
	}

	/**
	 * Reactor Netty's event-loop threads: {@code reactor-http-epoll-1}, or
	 * {@code webflux-http-nio-2} as Boot names them.
	 */
	static boolean isEventLoop(String thread) {
		return thread.matches(".+-http-(epoll|nio|kqueue|io_uring)-\\d+");
	}

	static List<String> events(Report report) {
		return report.timeline().stream().map((event) -> event.task() + ":" + event.event()).toList();
	}

	static List<String> threadsOf(Report report) {
		return report.timeline().stream().map(TimelineEvent::thread).toList();
	}

	static String threadOf(Report report, String task, String event) {
		return find(report, task, event).thread();
	}

	static double atMsOf(Report report, String task, String event) {
		return find(report, task, event).atMs();
	}

	private static TimelineEvent find(Report report, String task, String event) {
		return report.timeline()
			.stream()
			.filter((e) -> e.task().equals(task) && e.event().equals(event))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + task + ":" + event + " in " + events(report)));
	}

}
