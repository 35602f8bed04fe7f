package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScaleServiceTests {

	private final ScaleService service = new ScaleService();

	@Test
	void tenThousandWaitsAsMonosTakeAboutOneDelayOnAHandfulOfThreads() {
		StepVerifier.create(this.service.monos(10_000, Duration.ofMillis(500))).assertNext((report) -> {
			Map<String, Object> result = result(report);
			assertThat((Double) result.get("elapsedMs")).as("one delay, not 10000 of them").isBetween(500.0, 2500.0);
			assertThat((Integer) result.get("distinctThreads")).isBetween(1, Schedulers.DEFAULT_POOL_SIZE);
			assertThat((Long) result.get("allocatedBytesPerWait")).isPositive().isLessThan(10_000L);
		}).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void threadsCostMoreToStartThanMonosAndVirtualThreadsShowUpOnJava21() {
		StepVerifier.create(this.service.compare(100, Duration.ofMillis(1500))).assertNext((report) -> {
			Map<String, Object> platform = map(result(report).get("platformThreads"));
			assertThat(platform).as("one platform thread per wait, all sleeping at once")
				.containsEntry("threadsAliveAtOnce", 100);
			assertThat((Double) platform.get("elapsedMs")).isGreaterThanOrEqualTo(1500.0);
			assertThat((Double) map(result(report).get("ratios")).get("threadStartCostVsMono")).isGreaterThan(1.0);
			assertThat((Double) platform.get("elapsedMs")).as("about one delay").isLessThan(15_000.0);
			assertThat((Integer) platform.get("javaThreadsWhileSleeping"))
				.isGreaterThanOrEqualTo((Integer) platform.get("javaThreadsBefore") + 100 - 5);
			Object perThread = platform.get("residentMemoryPerThreadBytes");
			if (perThread != null) {
				assertThat((Long) perThread).as("a thread's stack pages, not the whole process").isLessThan(1L << 20);
			}
			// The report's numbers agree with each other: a learner can redo the sums.
			Map<String, Object> monos = map(result(report).get("monos"));
			assertThat((Long) platform.get("startNanosPerThread") * 100 / 1e6)
				.isCloseTo((Double) platform.get("startMs"), within(0.02));
			assertThat((Long) monos.get("startNanosPerWait") * 100 / 1e6).isCloseTo((Double) monos.get("startMs"),
					within(0.02));
			double expectedRatio = (Long) platform.get("startNanosPerThread")
					/ (double) Math.max(1, (Long) monos.get("startNanosPerWait"));
			assertThat((Double) map(result(report).get("ratios")).get("threadStartCostVsMono")).isCloseTo(expectedRatio,
					within(0.01));
			Object memoryRatio = map(result(report).get("ratios")).get("threadMemoryVsMono");
			if (memoryRatio != null) {
				assertThat((Double) memoryRatio)
					.isCloseTo((Long) perThread / (double) (Long) monos.get("allocatedBytesPerWait"), within(0.01));
			}
			assertThat(events(report)).contains("monos:start 100", "monos:done", "platform-threads:start 100",
					"platform-threads:done");
			Map<String, Object> virtual = map(result(report).get("virtualThreads"));
			if (ScaleService.virtualThreadsAvailable()) {
				assertThat(virtual).containsEntry("count", 100).containsKey("startNanosPerThread");
			}
			else {
				assertThat(virtual).containsEntry("available", false);
			}
		}).expectComplete().verify(Duration.ofSeconds(20));
	}

	@Test
	void oneExperimentAtATime() {
		Disposable first = this.service.monos(10, Duration.ofSeconds(5)).subscribe();
		try {
			StepVerifier.create(this.service.monos(10, Duration.ofMillis(1)))
				.expectError(ScaleService.ExperimentRunningException.class)
				.verify(Duration.ofSeconds(5));
		}
		finally {
			first.dispose();
		}
		StepVerifier.create(this.service.monos(10, Duration.ofMillis(1)))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Report report) {
		return (Map<String, Object>) report.result();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static List<String> events(Report report) {
		return report.timeline().stream().map((event) -> event.task() + ":" + event.event()).toList();
	}

}
