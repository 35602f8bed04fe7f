package dev.asynciolearn.offload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.asynciolearn.offload.LongTaskService.Finished;
import dev.asynciolearn.offload.LongTaskService.LongTaskResult;
import dev.asynciolearn.offload.LongTaskService.LongTaskSignal;
import dev.asynciolearn.offload.LongTaskService.Tick;
import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;

import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.HOP;
import static dev.asynciolearn.timeline.Event.RESUME;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.SUSPEND;
import static dev.asynciolearn.timeline.Event.TICK;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static dev.asynciolearn.timeline.TestReports.threadOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OffloadServiceTests {

	@TempDir
	static Path directory;

	static DataFolder folder;

	private final ToThread toThread = new ToThread();

	private final OffloadService service = new OffloadService(this.toThread, new SlowStorage(folder), folder,
			new OffloadProperties(directory, Duration.ofMillis(50), true));

	private final LongTaskService longTask = new LongTaskService(this.toThread);

	@BeforeAll
	static void createSamples() {
		folder = new DataFolder(new OffloadProperties(directory, Duration.ZERO, true));
		SampleFiles.write(folder.root());
	}

	@Test
	void ioCompletesAfterTheDelayAndNotBefore() {
		StepVerifier.withVirtualTime(() -> this.service.io(new IoRequest(5000)))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.assertNext((report) -> {
				assertThat(report.result()).isEqualTo(new OffloadService.IoResult(5000));
				assertThat(steps(report)).containsExactly(step("request", START), step("io", SUSPEND),
						step("io", RESUME), step("request", DONE));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void fiftyIoWaitsOverlapInsteadOfAddingUp() {
		StepVerifier.withVirtualTime(() -> Flux.range(0, 50).flatMap((i) -> this.service.io(new IoRequest(500))))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(50)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void ioBlocksNoThreadAndNeverTouchesBoundedElastic() {
		StepVerifier.create(this.service.io(new IoRequest(20))).assertNext((report) -> {
			assertThat(threadsOf(report)).noneMatch((thread) -> thread.startsWith("boundedElastic-"));
			assertThat(threadOf(report, "io", RESUME)).startsWith("parallel-");
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(this.toThread.running()).isZero();
	}

	@Test
	void fileReadRunsOnBoundedElasticAndHashesTheBytesOnDisk() throws Exception {
		String expected = SlowStorageTests.sha256(directory.resolve("1MiB.bin"));
		String testThread = Thread.currentThread().getName();
		StepVerifier.create(this.service.file(new FileRequest("1MiB.bin", 10L))).assertNext((report) -> {
			FileDigest digest = (FileDigest) report.result();
			assertThat(digest.sha256()).isEqualTo(expected);
			assertThat(digest.sizeBytes()).isEqualTo(1 << 20);
			assertThat(digest.latencyMs()).isGreaterThanOrEqualTo(10);
			assertThat(steps(report)).containsExactly(step("request", START), step("read", HOP), step("read", START),
					step("read", DONE), step("request", DONE));
			assertThat(threadOf(report, "request", START)).isEqualTo(testThread);
			assertThat(threadOf(report, "read", START)).startsWith("boundedElastic-");
			assertThat(threadOf(report, "read", DONE)).startsWith("boundedElastic-");
		}).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void offloadedReadsWaitForStorageSideBySide() {
		long start = System.nanoTime();
		List<Report<FileDigest>> reports = Flux.range(0, 8)
			.flatMap((i) -> this.service.file(new FileRequest("1KiB.bin", 500L)))
			.collectList()
			.block(Duration.ofSeconds(10));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isLessThan(Duration.ofMillis(8 * 500 / 2));
		assertThat(reports).extracting((report) -> threadOf(report, "read", START)).doesNotHaveDuplicates();
	}

	@Test
	void theAntiPatternReadsOnTheSubscribingThread() {
		String testThread = Thread.currentThread().getName();
		StepVerifier.create(this.service.fileBlocking(new BlockingFileRequest("1KiB.bin", 0L))).assertNext((report) -> {
			assertThat(report.concept()).startsWith("ANTI-PATTERN");
			assertThat(threadOf(report, "read", START)).isEqualTo(testThread);
			assertThat(threadsOf(report)).noneMatch((thread) -> thread.startsWith("boundedElastic-"));
			assertThat(steps(report)).containsExactly(step("request", START), step("read", START), step("read", DONE),
					step("request", DONE));
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void mixedHopsToBoundedElasticForTheReadAndOffItForTheIo() {
		StepVerifier.create(this.service.mixed(new MixedRequest(30, "1KiB.bin", 0L))).assertNext((report) -> {
			assertThat(steps(report)).containsExactly(step("request", START), step("io-before", SUSPEND),
					step("io-before", RESUME), step("read", HOP), step("read", START), step("read", DONE),
					step("io-after", SUSPEND), step("io-after", RESUME), step("request", DONE));
			assertThat(threadOf(report, "io-before", RESUME)).startsWith("parallel-");
			assertThat(threadOf(report, "read", START)).startsWith("boundedElastic-");
			assertThat(threadOf(report, "io-after", RESUME)).startsWith("parallel-");
			assertThat(report.result().file().name()).isEqualTo("1KiB.bin");
			assertThat(report.elapsedMs()).isGreaterThanOrEqualTo(60);
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void aMissingFileIsAnError() {
		StepVerifier.create(this.service.file(new FileRequest("missing.bin", 0L)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ApiProblem.class)
				.hasFieldOrPropertyWithValue("statusCode", HttpStatus.NOT_FOUND))
			.verify(Duration.ofSeconds(5));
		assertThat(this.toThread.running()).isZero();
	}

	@Test
	void aMissingFileIsA404BeforeAnyLatency() {
		long start = System.nanoTime();
		StepVerifier.create(this.service.fileBlocking(new BlockingFileRequest("missing.bin", 1000L)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ApiProblem.class)
				.hasFieldOrPropertyWithValue("statusCode", HttpStatus.NOT_FOUND))
			.verify(Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void oneAntiPatternCallRunsAtATimeTheOthersGetA429() throws InterruptedException {
		CountDownLatch blocking = new CountDownLatch(1);
		Thread first = new Thread(() -> {
			blocking.countDown();
			this.service.fileBlocking(new BlockingFileRequest("1KiB.bin", 1000L)).block(Duration.ofSeconds(5));
		});
		first.start();
		blocking.await();
		await().atMost(Duration.ofSeconds(5)).until(() -> first.getState() == Thread.State.TIMED_WAITING);
		StepVerifier.create(this.service.fileBlocking(new BlockingFileRequest("1KiB.bin", 0L)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ApiProblem.class)
				.hasFieldOrPropertyWithValue("statusCode", HttpStatus.TOO_MANY_REQUESTS))
			.verify(Duration.ofSeconds(5));
		first.join(5000);
		StepVerifier.create(this.service.fileBlocking(new BlockingFileRequest("1KiB.bin", 0L)))
			.as("none right after it either: requests queued on its loop would block it again")
			.expectError(ApiProblem.class)
			.verify(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.service.fileBlocking(new BlockingFileRequest("1KiB.bin", 0L))
				.map((report) -> true)
				.onErrorReturn(false)
				.block(Duration.ofSeconds(5)));
	}

	@Test
	void cancellingAnOffloadedReadInterruptsItsWorker() {
		Disposable request = this.service.file(new FileRequest("1KiB.bin", 30000L)).subscribe();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.toThread.running() == 1);
		request.dispose();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.toThread.running() == 0);
	}

	@Test
	void readsBeyondTheBoundedElasticThreadsQueueUntilAThreadIsFree() {
		int threads = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE;
		Disposable reads = Flux.range(0, threads + 3)
			.flatMap((i) -> this.service.file(new FileRequest("1KiB.bin", 10000L)), threads + 3)
			.subscribe();
		try {
			// At most `threads` run at once (fewer if another test still holds a thread).
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(this.toThread.running() + this.toThread.queued()).isEqualTo(threads + 3);
				assertThat(this.toThread.queued()).isGreaterThanOrEqualTo(3);
			});
		}
		finally {
			reads.dispose();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.toThread.running() == 0);
		assertThat(this.toThread.queued()).as("cancelled while queued").isZero();
	}

	@Test
	void ticksKeepTheirCadenceWhileTheBlockingJobRuns() {
		List<LongTaskSignal> signals = this.longTask.longTask(new LongTaskRequest(600, 50))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(signals).last().isInstanceOf(Finished.class);
		List<Tick> ticks = signals.stream().filter(Tick.class::isInstance).map(Tick.class::cast).toList();
		assertThat(ticks).hasSizeGreaterThanOrEqualTo(600 / 50 - 1);
		assertThat(ticks).extracting(Tick::thread).allMatch((thread) -> thread.startsWith("parallel-"));
		assertThat(ticks).extracting(Tick::n).isSorted();
		Report report = ((Finished) signals.get(signals.size() - 1)).report();
		assertThat(threadOf(report, "job", START)).startsWith("boundedElastic-");
		LongTaskResult result = (LongTaskResult) report.result();
		assertThat(result.ticks()).isEqualTo(ticks.size());
		assertThat(result.ticksExpected()).isEqualTo(12);
		assertThat(steps(report)).startsWith(step("request", START), step("job", HOP))
			.endsWith(step("request", DONE))
			.containsSubsequence(step("job", START), step("job", DONE))
			.filteredOn(step("ticker", TICK)::equals)
			.hasSize(ticks.size());
		double jobStart = atMsOf(report, "job", START);
		double jobDone = atMsOf(report, "job", DONE);
		assertThat(ticks).filteredOn((tick) -> tick.atMs() > jobStart && tick.atMs() < jobDone)
			.as("ticks while the job blocked its worker")
			.hasSizeGreaterThanOrEqualTo(600 / 50 - 2);
	}

	@Test
	void cancellingTheStreamStopsTheTicksAndInterruptsTheJob() {
		StepVerifier.create(this.longTask.longTask(new LongTaskRequest(30000, 20)))
			.expectNextCount(3)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.toThread.running() == 0);
	}

	/**
	 * Reactor Netty's event-loop threads: {@code reactor-http-epoll-1}, or
	 * {@code webflux-http-nio-2} as Boot names them.
	 */
	static boolean isEventLoop(String thread) {
		return thread.matches(".+-http-(epoll|nio|kqueue|io_uring)-\\d+");
	}

	static List<String> threadsOf(Report<?> report) {
		return report.timeline().stream().map(TimelineEvent::thread).toList();
	}

	static double atMsOf(Report<?> report, String task, Event event) {
		return report.timeline()
			.stream()
			.filter((e) -> e.task().equals(task) && e.event() == event)
			.findFirst()
			.orElseThrow()
			.atMs();
	}

}
