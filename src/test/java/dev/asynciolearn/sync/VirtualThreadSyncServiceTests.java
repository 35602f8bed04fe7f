package dev.asynciolearn.sync;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.asynciolearn.sync.EventService.EventResult;
import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.sync.QueueService.QueueResult;
import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.TestReports.eventOf;
import static dev.asynciolearn.timeline.TestReports.reportInRealTime;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The virtual-thread twins of chapter 5, in real time.
 */
class VirtualThreadSyncServiceTests {

	private final SemaphoreOnVirtualThreads semaphore = new SemaphoreOnVirtualThreads();

	private final LockOnVirtualThreads lock = new LockOnVirtualThreads();

	private final QueueOnVirtualThreads queue = new QueueOnVirtualThreads();

	private final EventOnVirtualThreads event = new EventOnVirtualThreads();

	@Test
	void aFullQueueBlocksTheProducerUntilTheConsumerTakes() {
		Report<QueueResult> report = reportInRealTime(
				this.queue.run(new QueueRequest(AsyncQueue.Kind.FIFO, 2, 1, 1, 4, 10, 100)));
		// The consumer starts at 100 ms: the producer fills both places, then waits.
		assertThat(report.timeline()).extracting(TimelineEvent::event).startsWith(Event.PUT, Event.PUT, Event.WAIT);
		assertThat(report.result().getOrder()).containsExactly(3, 1, 2, 4);
		assertThat(report.result().peakQueueSize()).isEqualTo(2);
		assertThat(report.result().putsThatWaited()).isEqualTo(2);
		assertThat(report.result().everyItemExactlyOnce()).isTrue();
	}

	@Test
	void theThreeKindsHandOutTheirOwnOrders() {
		// All six are in before the consumer starts.
		assertThat(getOrder(AsyncQueue.Kind.FIFO)).containsExactly(3, 1, 2, 4, 5, 6);
		assertThat(getOrder(AsyncQueue.Kind.LIFO)).containsExactly(6, 5, 4, 2, 1, 3);
		assertThat(getOrder(AsyncQueue.Kind.PRIORITY)).containsExactly(1, 2, 3, 4, 5, 6);
	}

	@Test
	void manyProducersAndConsumersNeverOverfillTheQueueNorLoseAnItem() {
		QueueResult result = reportInRealTime(
				this.queue.run(new QueueRequest(AsyncQueue.Kind.PRIORITY, 3, 5, 4, 200, 1, 0)))
			.result();
		assertThat(result.everyItemExactlyOnce()).isTrue();
		assertThat(result.peakQueueSize()).isLessThanOrEqualTo(3);
	}

	@Test
	void setReleasesEveryWaiterAndAfterClearANewOneWaits() {
		Report<EventResult> report = reportInRealTime(this.event.run(new EventRequest(50, 200)));
		EventResult result = report.result();
		assertThat(result.released()).isEqualTo(50);
		assertThat(result.releasedAfterMs()).isGreaterThanOrEqualTo(200.0);
		assertThat(result.afterClearWaits()).isTrue();
		assertThat(eventOf(report, "setter", Event.CALL).thread()).isEqualTo("setter");
	}

	private List<Integer> getOrder(AsyncQueue.Kind kind) {
		return reportInRealTime(this.queue.run(new QueueRequest(kind, 10, 1, 1, 6, 1, 200))).result().getOrder();
	}

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
