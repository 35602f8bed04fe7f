package dev.asynciolearn.sync;

import java.util.Set;
import java.util.stream.Collectors;

import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.TestReports.reportInRealTime;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The virtual-thread twins of chapter 5, in real time.
 */
class VirtualThreadSyncServiceTests {

	private final SemaphoreOnVirtualThreads semaphore = new SemaphoreOnVirtualThreads();

	private final LockOnVirtualThreads lock = new LockOnVirtualThreads();

	@Test
	void theSemaphoreLetsInAtMostItsPermitsAndTheOthersWait() {
		Report<SemaphoreResult> report = reportInRealTime(this.semaphore.run(new SemaphoreRequest(30, 5, 50)));
		assertThat(report.result().peakInside()).isEqualTo(5);
		assertThat(report.result().idealMs()).isEqualTo(300);
		// Six rounds of 50 ms: never fewer, however the threads are scheduled.
		assertThat(report.elapsedMs()).isBetween(300.0, 2000.0);
	}

	@Test
	void manyVirtualThreadsTakeTurnsOnAFewCarriers() {
		Report<SemaphoreResult> report = reportInRealTime(this.semaphore.run(new SemaphoreRequest(200, 100, 100)));
		Set<String> threads = report.timeline().stream().map(TimelineEvent::thread).collect(Collectors.toSet());
		Set<String> carriers = report.timeline().stream().map(TimelineEvent::carrier).collect(Collectors.toSet());
		assertThat(threads).hasSize(200);
		// The default scheduler has one carrier per core.
		assertThat(carriers).doesNotContainNull().hasSizeLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
		// A hundred inside at once, sleeping: parked, not holding a carrier each.
		assertThat(report.result().peakInside()).isEqualTo(100);
	}

	@Test
	void withoutTheLockUpdatesAreLost() {
		Report<LockResult> report = reportInRealTime(this.lock.run(new LockRequest(50, false)));
		assertThat(report.result().lostUpdates()).isPositive();
		assertThat(report.result().finalCount()).isLessThan(50);
	}

	@Test
	void withTheLockNoneAre() {
		Report<LockResult> report = reportInRealTime(this.lock.run(new LockRequest(50, true)));
		assertThat(report.result().finalCount()).isEqualTo(50);
		assertThat(report.result().lostUpdates()).isZero();
		// Each worker's read and write come together: nobody else reads in between.
		assertThat(report.timeline()).filteredOn((event) -> event.event() == Event.READ)
			.extracting(TimelineEvent::detail)
			.doesNotHaveDuplicates();
	}

}
