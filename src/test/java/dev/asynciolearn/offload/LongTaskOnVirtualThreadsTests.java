package dev.asynciolearn.offload;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.offload.LongTaskService.Finished;
import dev.asynciolearn.offload.LongTaskService.LongTaskResult;
import dev.asynciolearn.offload.LongTaskService.LongTaskSignal;
import dev.asynciolearn.offload.LongTaskService.Tick;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.TestReports.eventOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The long job beside a ticking loop, on virtual threads, in real time.
 */
class LongTaskOnVirtualThreadsTests {

	private final LongTaskOnVirtualThreads service = new LongTaskOnVirtualThreads();

	@Test
	void theLoopTicksWhileTheJobSleepsThenTheReportCloses() {
		List<LongTaskSignal> signals = this.service.longTask(new LongTaskRequest(600, 50))
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(signals).last().isInstanceOf(Finished.class);
		List<Tick> ticks = signals.stream().filter(Tick.class::isInstance).map(Tick.class::cast).toList();
		assertThat(ticks).hasSizeBetween(600 / 50 - 1, 600 / 50 + 1);
		assertThat(ticks).extracting(Tick::thread).containsOnly(VirtualThreadDemo.THREAD);
		Report<?> report = ((Finished) signals.get(signals.size() - 1)).report();
		assertThat(eventOf(report, "job", START).thread()).isEqualTo("job");
		assertThat(eventOf(report, "job", DONE).carrier()).isNotBlank();
		LongTaskResult result = (LongTaskResult) report.result();
		assertThat(result.ticks()).isEqualTo(ticks.size());
		assertThat(result.ticksExpected()).isEqualTo(12);
	}

	@Test
	void aClientThatHangsUpStopsTheTicksAndTheJob() {
		// Demos of other tests end first (an as_completed twin may wait for its jobs).
		await().atMost(Duration.ofSeconds(15)).until(() -> VirtualThreadDemo.running() == 0);
		StepVerifier.create(this.service.longTask(new LongTaskRequest(30_000, 50)))
			.expectNextCount(3)
			.then(() -> assertThat(VirtualThreadDemo.running()).isOne())
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		// The job would sleep 30 s and the demo wait for it; interrupted, both end at
		// once.
		await().atMost(Duration.ofSeconds(2)).until(() -> VirtualThreadDemo.running() == 0);
	}

}
