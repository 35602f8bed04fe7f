package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.sync.EventService.EventResult;
import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.sync.QueueService.QueueResult;
import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static dev.asynciolearn.timeline.Event.ACQUIRED;
import static dev.asynciolearn.timeline.Event.CALL;
import static dev.asynciolearn.timeline.Event.GET;
import static dev.asynciolearn.timeline.Event.PUT;
import static dev.asynciolearn.timeline.Event.READ;
import static dev.asynciolearn.timeline.Event.RELEASED;
import static dev.asynciolearn.timeline.Event.RESUME;
import static dev.asynciolearn.timeline.Event.WAIT;
import static dev.asynciolearn.timeline.Event.WRITE;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.timeline.TestReports.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queue, Lock, Semaphore and Event against the study notes' reference run, in virtual
 * time.
 */
class SyncServiceTests {

	@Test
	void aFullQueueMakesTheProducerWaitForTheConsumer() {
		StepVerifier
			.withVirtualTime(() -> new QueueService().run(new QueueRequest(AsyncQueue.Kind.FIFO, 2, 1, 1, 4, 10, 100)))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((report) -> {
				assertThat(report.timeline()).extracting(TimelineEvent::event)
					.containsExactly(PUT, PUT, WAIT, GET, PUT, WAIT, GET, PUT, GET, GET);
				QueueResult result = report.result();
				assertThat(result.peakQueueSize()).isEqualTo(2);
				assertThat(result.putsThatWaited()).isEqualTo(2);
				assertThat(result.everyItemExactlyOnce()).isTrue();
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aPriorityQueueHandsOutTheSmallestFirst() {
		StepVerifier
			.withVirtualTime(
					() -> new QueueService().run(new QueueRequest(AsyncQueue.Kind.PRIORITY, 10, 1, 1, 6, 10, 100)))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((report) -> assertThat(report.result().getOrder()).containsExactly(1, 2, 3, 4, 5, 6))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void manyProducersAndConsumersNeverOverfillTheQueueNorLoseAnItem() {
		StepVerifier
			.withVirtualTime(() -> new QueueService().run(new QueueRequest(AsyncQueue.Kind.LIFO, 3, 5, 4, 200, 1, 0)))
			.thenAwait(Duration.ofSeconds(10))
			.assertNext((report) -> {
				assertThat(report.result().everyItemExactlyOnce()).isTrue();
				assertThat(report.result().peakQueueSize()).isEqualTo(3);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void withoutTheLockUpdatesAreLostAndWithItNone() {
		StepVerifier.withVirtualTime(() -> new LockService().run(new LockRequest(50, false)))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((report) -> assertThat(report.result()).isEqualTo(new LockResult(50, false, 50, 1, 49)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new LockService().run(new LockRequest(50, true)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(49))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((report) -> assertThat(report.result()).isEqualTo(new LockResult(50, true, 50, 50, 0)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aSemaphoreOfTenLetsTenInAtOnce() {
		StepVerifier.withVirtualTime(() -> new SemaphoreService().run(new SemaphoreRequest(100, 10, 50)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((report) -> assertThat(report.result()).isEqualTo(new SemaphoreResult(100, 10, 10, 500)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void setReleasesEveryWaiterAtOnceAndClearMakesANewOneWait() {
		StepVerifier.withVirtualTime(() -> new EventService().run(new EventRequest(5, 200)))
			.thenAwait(Duration.ofMillis(250))
			.assertNext((report) -> {
				EventResult result = report.result();
				assertThat(result.released()).isEqualTo(5);
				assertThat(result.afterClearWaits()).isTrue();
				assertThat(result.releaseSpreadMs()).as("released together").isLessThan(5.0);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theTimelinesShowTheRaceTheQueueAtTheDoorAndTheRelease() {
		StepVerifier.withVirtualTime(() -> new LockService().run(new LockRequest(3, false)))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((report) -> assertThat(steps(report)).containsExactly(step("worker-0", READ, 0),
					step("worker-1", READ, 0), step("worker-2", READ, 0), step("worker-0", WRITE, 1),
					step("worker-1", WRITE, 1), step("worker-2", WRITE, 1)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new LockService().run(new LockRequest(3, true)))
			.thenAwait(Duration.ofMillis(3))
			.assertNext((report) -> assertThat(steps(report)).containsExactly(step("worker-0", READ, 0),
					step("worker-0", WRITE, 1), step("worker-1", READ, 1), step("worker-1", WRITE, 2),
					step("worker-2", READ, 2), step("worker-2", WRITE, 3)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new SemaphoreService().run(new SemaphoreRequest(3, 2, 20)))
			.thenAwait(Duration.ofMillis(40))
			.assertNext((report) -> assertThat(steps(report)).containsExactly(step("worker-0", ACQUIRED),
					step("worker-1", ACQUIRED), step("worker-0", RELEASED), step("worker-2", ACQUIRED),
					step("worker-1", RELEASED), step("worker-2", RELEASED)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new EventService().run(new EventRequest(3, 50)))
			.thenAwait(Duration.ofMillis(100))
			.assertNext((report) -> assertThat(steps(report)).containsExactly(step("waiter-0", WAIT),
					step("waiter-1", WAIT), step("waiter-2", WAIT), step("setter", CALL, "set()"),
					step("waiter-0", RESUME), step("waiter-1", RESUME), step("waiter-2", RESUME),
					step("setter", CALL, "clear()"), step("late-waiter", WAIT)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theQueueTimelineNamesWhatWasPutAndGot() {
		StepVerifier
			.withVirtualTime(() -> new QueueService().run(new QueueRequest(AsyncQueue.Kind.FIFO, 2, 1, 1, 3, 10, 100)))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((report) -> {
				List<Integer> values = QueueService.values(3);
				assertThat(steps(report)).startsWith(step("producer-0", PUT, values.get(0)),
						step("producer-0", PUT, values.get(1)));
				assertThat(steps(report)).contains(step("consumer-0", GET, values.get(0)));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

}
