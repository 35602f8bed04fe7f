package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.sync.EventService.EventResult;
import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.sync.QueueService.QueueResult;
import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static dev.asynciolearn.timeline.Event.ACQUIRED;
import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.GET;
import static dev.asynciolearn.timeline.Event.PUT;
import static dev.asynciolearn.timeline.Event.READ;
import static dev.asynciolearn.timeline.Event.RELEASED;
import static dev.asynciolearn.timeline.Event.RESUME;
import static dev.asynciolearn.timeline.Event.WAIT;
import static dev.asynciolearn.timeline.Event.WRITE;
import static dev.asynciolearn.timeline.TestReports.reportAt;
import static dev.asynciolearn.timeline.TestReports.reportWithin;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Queue, Lock, Semaphore and Event against the study notes' reference run, in virtual
 * time.
 */
class SyncServiceTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	@Test
	void aFullQueueMakesTheProducerWaitForTheConsumer() {
		Report<QueueResult> report = reportWithin(ONE_SECOND, () -> queue(AsyncQueue.Kind.FIFO, 2, 4));
		assertThat(report.timeline()).extracting(TimelineEvent::event)
			.containsExactly(PUT, PUT, WAIT, GET, PUT, WAIT, GET, PUT, GET, GET);
		assertThat(report.result().peakQueueSize()).isEqualTo(2);
		assertThat(report.result().putsThatWaited()).isEqualTo(2);
		assertThat(report.result().everyItemExactlyOnce()).isTrue();
	}

	@Test
	void aPriorityQueueHandsOutTheSmallestFirst() {
		assertThat(reportWithin(ONE_SECOND, () -> queue(AsyncQueue.Kind.PRIORITY, 10, 6)).result().getOrder())
			.containsExactly(1, 2, 3, 4, 5, 6);
	}

	@Test
	void manyProducersAndConsumersNeverOverfillTheQueueNorLoseAnItem() {
		QueueResult result = reportWithin(Duration.ofSeconds(10),
				() -> new QueueService().run(new QueueRequest(AsyncQueue.Kind.LIFO, 3, 5, 4, 200, 1, 0)))
			.result();
		assertThat(result.everyItemExactlyOnce()).isTrue();
		assertThat(result.peakQueueSize()).isEqualTo(3);
	}

	@Test
	void theQueueTimelineNamesWhatWasPutAndGot() {
		Report<QueueResult> report = reportWithin(ONE_SECOND, () -> queue(AsyncQueue.Kind.FIFO, 2, 3));
		List<Integer> values = QueueService.values(3);
		assertThat(steps(report)).startsWith(step("producer-0", PUT, values.get(0)),
				step("producer-0", PUT, values.get(1)));
		assertThat(steps(report)).contains(step("consumer-0", GET, values.get(0)));
	}

	@Test
	void forThreeItemsOrMoreTheThreeKindsGiveThreeDifferentOrders() {
		for (int items : new int[] { 3, 4, 7, 20 }) {
			List<List<Integer>> orders = List.of(getOrder(AsyncQueue.Kind.FIFO, items),
					getOrder(AsyncQueue.Kind.LIFO, items), getOrder(AsyncQueue.Kind.PRIORITY, items));
			assertThat(orders).as("%d items", items).doesNotHaveDuplicates();
		}
	}

	@Test
	void withoutTheLockUpdatesAreLostAndWithItNone() {
		assertThat(reportAt(Duration.ofMillis(1), () -> lock(50, false)).result())
			.isEqualTo(new LockResult(50, false, 50, 1, 49));
		assertThat(reportAt(Duration.ofMillis(50), () -> lock(50, true)).result())
			.isEqualTo(new LockResult(50, true, 50, 50, 0));
	}

	@Test
	void aSemaphoreOfTenLetsTenInAtOnce() {
		assertThat(reportAt(Duration.ofMillis(500), () -> new SemaphoreService().run(new SemaphoreRequest(100, 10, 50)))
			.result()).isEqualTo(new SemaphoreResult(100, 10, 10, 500));
	}

	@Test
	void setReleasesEveryWaiterAtOnceAndClearMakesANewOneWait() {
		EventResult result = reportAt(Duration.ofMillis(250), () -> new EventService().run(new EventRequest(5, 200)))
			.result();
		assertThat(result.released()).isEqualTo(5);
		assertThat(result.afterClearWaits()).isTrue();
		assertThat(result.releaseSpreadMs()).as("released together").isLessThan(5.0);
	}

	@Test
	void theReleaseTimesInTheResultAreTheWaitersResumesOnTheTimeline() {
		Report<EventResult> report = new EventService().run(new EventRequest(20, 30)).block(Duration.ofSeconds(5));
		assertThat(report).isNotNull();
		List<Double> resumes = report.timeline()
			.stream()
			.filter((event) -> event.event() == RESUME)
			.map(TimelineEvent::atMs)
			.toList();
		assertThat(resumes).hasSize(20);
		double first = resumes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double last = resumes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		assertThat(report.result().releasedAfterMs()).isGreaterThanOrEqualTo(30).isCloseTo(first, within(0.5));
		assertThat(report.result().releaseSpreadMs()).isCloseTo(last - first, within(0.5));
	}

	@Test
	void theTimelinesShowTheRaceTheQueueAtTheDoorAndTheRelease() {
		assertThat(steps(reportAt(Duration.ofMillis(1), () -> lock(3, false)))).containsExactly(
				step("worker-0", READ, 0), step("worker-1", READ, 0), step("worker-2", READ, 0),
				step("worker-0", WRITE, 1), step("worker-1", WRITE, 1), step("worker-2", WRITE, 1));
		assertThat(steps(reportAt(Duration.ofMillis(3), () -> lock(3, true)))).containsExactly(
				step("worker-0", READ, 0), step("worker-0", WRITE, 1), step("worker-1", READ, 1),
				step("worker-1", WRITE, 2), step("worker-2", READ, 2), step("worker-2", WRITE, 3));
		assertThat(steps(
				reportAt(Duration.ofMillis(40), () -> new SemaphoreService().run(new SemaphoreRequest(3, 2, 20)))))
			.containsExactly(step("worker-0", ACQUIRED), step("worker-1", ACQUIRED), step("worker-0", RELEASED),
					step("worker-2", ACQUIRED), step("worker-1", RELEASED), step("worker-2", RELEASED));
		assertThat(steps(reportAt(Duration.ofMillis(100), () -> new EventService().run(new EventRequest(3, 50)))))
			.containsExactly(step("waiter-0", WAIT), step("waiter-1", WAIT), step("waiter-2", WAIT),
					step("setter", CALL, "set()"), step("waiter-0", RESUME), step("waiter-1", RESUME),
					step("waiter-2", RESUME), step("setter", CALL, "clear()"), step("late-waiter", WAIT));
	}

	private static List<Integer> getOrder(AsyncQueue.Kind kind, int items) {
		return reportWithin(Duration.ofMinutes(1),
				() -> new QueueService().run(new QueueRequest(kind, 3, 1, 1, items, 10, 100)))
			.result()
			.getOrder();
	}

	private static Mono<Report<QueueResult>> queue(AsyncQueue.Kind kind, int maxsize, int items) {
		return new QueueService().run(new QueueRequest(kind, maxsize, 1, 1, items, 10, 100));
	}

	private static Mono<Report<LockResult>> lock(int workers, boolean useLock) {
		return new LockService().run(new LockRequest(workers, useLock));
	}

}
