package dev.asynciolearn.coroutines;

import java.time.Duration;

import dev.asynciolearn.system.ApiProblem;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;

import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScaleServiceTests {

	private final ScaleService service = new ScaleService();

	@Test
	void tenThousandWaitsAsMonosTakeAboutOneDelayOnAHandfulOfThreads() {
		StepVerifier.create(this.service.monos(new ScaleRequest(10_000, 500))).assertNext((report) -> {
			MonoWaits result = report.result();
			assertThat(result.elapsedMs()).as("one delay, not 10000 of them").isBetween(500.0, 2500.0);
			assertThat(result.distinctThreads()).isBetween(1, Schedulers.DEFAULT_POOL_SIZE);
			assertThat(result.allocatedBytesPerWait()).isPositive().isLessThan(10_000L);
		}).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void threadsCostMoreToStartThanMonosAndVirtualThreadsRunTheSameWaits() {
		StepVerifier.create(this.service.compare(new ScaleThreadsRequest(100, 1500))).assertNext((report) -> {
			ScaleComparison result = report.result();
			ThreadWaits platform = result.platformThreads();
			MonoWaits monos = result.monos();
			assertThat(platform.threadsAliveAtOnce()).as("one platform thread per wait, all sleeping at once")
				.isEqualTo(100);
			assertThat(platform.elapsedMs()).isGreaterThanOrEqualTo(1500.0).as("about one delay").isLessThan(15_000.0);
			assertThat(result.ratios().threadStartCostVsMono()).isGreaterThan(1.0);
			assertThat(platform.javaThreadsWhileSleeping())
				.isGreaterThanOrEqualTo(platform.javaThreadsBefore() + 100 - 5);
			Long perThread = platform.residentMemoryPerThreadBytes();
			if (perThread != null) {
				assertThat(perThread).as("a thread's stack pages, not the whole process").isLessThan(1L << 20);
			}
			// The report's numbers agree with each other: a learner can redo the sums.
			assertThat(platform.startNanosPerThread() * 100 / 1e6).isCloseTo(platform.startMs(), within(0.02));
			assertThat(monos.startNanosPerWait() * 100 / 1e6).isCloseTo(monos.startMs(), within(0.02));
			double expectedRatio = platform.startNanosPerThread() / (double) Math.max(1, monos.startNanosPerWait());
			assertThat(result.ratios().threadStartCostVsMono()).isCloseTo(expectedRatio, within(0.01));
			Double memoryRatio = result.ratios().threadMemoryVsMono();
			if (memoryRatio != null && perThread != null && monos.allocatedBytesPerWait() != null) {
				assertThat(memoryRatio).isCloseTo(perThread / (double) monos.allocatedBytesPerWait(), within(0.01));
			}
			assertThat(steps(report)).contains(step("monos", START, 100), step("monos", DONE),
					step("platform-threads", START, 100), step("platform-threads", DONE));
			assertThat(result.virtualThreads().count()).isEqualTo(100);
		}).expectComplete().verify(Duration.ofSeconds(20));
	}

	@Test
	void oneExperimentAtATime() {
		Disposable first = this.service.monos(new ScaleRequest(10, 5000)).subscribe();
		try {
			StepVerifier.create(this.service.monos(new ScaleRequest(10, 1)))
				.expectErrorSatisfies((error) -> assertThat(((ApiProblem) error).getStatusCode())
					.isEqualTo(HttpStatus.TOO_MANY_REQUESTS))
				.verify(Duration.ofSeconds(5));
		}
		finally {
			first.dispose();
		}
		StepVerifier.create(this.service.monos(new ScaleRequest(10, 1)))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

}
