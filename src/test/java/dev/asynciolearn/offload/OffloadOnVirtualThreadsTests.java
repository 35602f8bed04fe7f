package dev.asynciolearn.offload;

import java.nio.file.Path;
import java.time.Duration;

import dev.asynciolearn.offload.OffloadService.IoResult;
import dev.asynciolearn.offload.OffloadService.MixedResult;
import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;

import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.RESUME;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.SUSPEND;
import static dev.asynciolearn.timeline.TestReports.reportInRealTime;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code to_thread} twins on virtual threads, in real time: no hop, and a sleep frees
 * the carrier.
 */
class OffloadOnVirtualThreadsTests {

	@TempDir
	static Path directory;

	static DataFolder folder;

	private final OffloadOnVirtualThreads service = new OffloadOnVirtualThreads(new SlowStorage(folder),
			new OffloadProperties(directory, Duration.ofMillis(50), true));

	@BeforeAll
	static void createSamples() {
		folder = new DataFolder(new OffloadProperties(directory, Duration.ZERO, true));
		SampleFiles.write(folder.root());
	}

	@Test
	void fiftyIoWaitsOnFiftyVirtualThreadsOverlapInsteadOfAddingUp() {
		long start = System.nanoTime();
		StepVerifier.create(Flux.range(0, 50).flatMap((i) -> this.service.io(new IoRequest(300))))
			.expectNextCount(50)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		// One after another: 15 s.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void ioSleepsOnTheDemosVirtualThread() {
		Report<IoResult> report = reportInRealTime(this.service.io(new IoRequest(100)));
		assertThat(report.result()).isEqualTo(new IoResult(100));
		assertThat(steps(report)).containsExactly(step("io", SUSPEND), step("io", RESUME));
		assertThat(report.timeline()).allSatisfy(OffloadOnVirtualThreadsTests::onTheDemosVirtualThread);
	}

	@Test
	void theReadRunsWhereItStandsAndHashesTheBytesOnDisk() throws Exception {
		String expected = SlowStorageTests.sha256(directory.resolve("1MiB.bin"));
		Report<FileDigest> report = reportInRealTime(this.service.file(new FileRequest("1MiB.bin", 10L)));
		assertThat(report.result().sha256()).isEqualTo(expected);
		assertThat(report.result().latencyMs()).isGreaterThanOrEqualTo(10);
		assertThat(steps(report)).containsExactly(step("read", START), step("read", DONE));
		assertThat(report.timeline()).allSatisfy(OffloadOnVirtualThreadsTests::onTheDemosVirtualThread);
	}

	@Test
	void mixedIsThreeStepsOnOneThreadWithNoHop() {
		Report<MixedResult> report = reportInRealTime(this.service.mixed(new MixedRequest(50, "1KiB.bin", 0L)));
		assertThat(steps(report)).containsExactly(step("io-before", SUSPEND), step("io-before", RESUME),
				step("read", START), step("read", DONE), step("io-after", SUSPEND), step("io-after", RESUME));
		assertThat(report.timeline()).allSatisfy(OffloadOnVirtualThreadsTests::onTheDemosVirtualThread);
		assertThat(report.elapsedMs()).isGreaterThanOrEqualTo(100.0);
	}

	@Test
	void aMissingFileIsA404() {
		StepVerifier.create(this.service.file(new FileRequest("missing.bin", 1000L)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ApiProblem.class)
				.hasFieldOrPropertyWithValue("statusCode", HttpStatus.NOT_FOUND))
			.verify(Duration.ofSeconds(5));
	}

	private static void onTheDemosVirtualThread(TimelineEvent event) {
		assertThat(event.thread()).isEqualTo(VirtualThreadDemo.THREAD);
		assertThat(event.carrier()).isNotBlank();
	}

}
