package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queue, Lock, Semaphore and Event against the study notes' reference run, in virtual
 * time.
 */
class SyncServiceTests {

	@Test
	void aFullQueueMakesTheProducerWaitForTheConsumer() {
		StepVerifier
			.withVirtualTime(() -> new QueueService().run(AsyncQueue.Kind.FIFO, 2, 1, 1, 4, Duration.ofMillis(10),
					Duration.ofMillis(100)))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((report) -> {
				assertThat(report.timeline()).extracting((event) -> event.event().split(" ")[0])
					.containsExactly("put", "put", "waits", "get", "put", "waits", "get", "put", "get", "get");
				assertThat(result(report)).containsEntry("peakQueueSize", 2)
					.containsEntry("putsThatWaited", 2)
					.containsEntry("everyItemExactlyOnce", true);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aPriorityQueueHandsOutTheSmallestFirst() {
		StepVerifier
			.withVirtualTime(() -> new QueueService().run(AsyncQueue.Kind.PRIORITY, 10, 1, 1, 6, Duration.ofMillis(10),
					Duration.ofMillis(100)))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext((report) -> assertThat(result(report)).containsEntry("getOrder", List.of(1, 2, 3, 4, 5, 6)))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void manyProducersAndConsumersNeverOverfillTheQueueNorLoseAnItem() {
		StepVerifier
			.withVirtualTime(() -> new QueueService().run(AsyncQueue.Kind.LIFO, 3, 5, 4, 200, Duration.ofMillis(1),
					Duration.ZERO))
			.thenAwait(Duration.ofSeconds(10))
			.assertNext((report) -> assertThat(result(report)).containsEntry("everyItemExactlyOnce", true)
				.containsEntry("peakQueueSize", 3))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void withoutTheLockUpdatesAreLostAndWithItNone() {
		StepVerifier.withVirtualTime(() -> new LockService().run(50, false))
			.thenAwait(Duration.ofMillis(1))
			.assertNext(
					(report) -> assertThat(result(report)).containsEntry("final", 1).containsEntry("lostUpdates", 49))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new LockService().run(50, true))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(49))
			.thenAwait(Duration.ofMillis(1))
			.assertNext(
					(report) -> assertThat(result(report)).containsEntry("final", 50).containsEntry("lostUpdates", 0))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aSemaphoreOfTenLetsTenInAtOnce() {
		StepVerifier.withVirtualTime(() -> new SemaphoreService().run(100, 10, Duration.ofMillis(50)))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((report) -> assertThat(result(report)).containsEntry("peakInside", 10)
				.containsEntry("idealMs", 500L))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void setReleasesEveryWaiterAtOnceAndClearMakesANewOneWait() {
		StepVerifier.withVirtualTime(() -> new EventService().run(5, Duration.ofMillis(200)))
			.thenAwait(Duration.ofMillis(250))
			.assertNext((report) -> {
				assertThat(result(report)).containsEntry("released", 5).containsEntry("afterClearWaits", true);
				assertThat((double) result(report).get("releaseSpreadMs")).as("released together").isLessThan(5.0);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theTimelinesShowTheRaceTheQueueAtTheDoorAndTheRelease() {
		StepVerifier.withVirtualTime(() -> new LockService().run(3, false))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((report) -> assertThat(events(report)).containsExactly("worker-0:read 0", "worker-1:read 0",
					"worker-2:read 0", "worker-0:write 1", "worker-1:write 1", "worker-2:write 1"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new LockService().run(3, true))
			.thenAwait(Duration.ofMillis(3))
			.assertNext((report) -> assertThat(events(report)).containsExactly("worker-0:read 0", "worker-0:write 1",
					"worker-1:read 1", "worker-1:write 2", "worker-2:read 2", "worker-2:write 3"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new SemaphoreService().run(3, 2, Duration.ofMillis(20)))
			.thenAwait(Duration.ofMillis(40))
			.assertNext((report) -> assertThat(events(report)).containsExactly("worker-0:enter", "worker-1:enter",
					"worker-0:leave", "worker-2:enter", "worker-1:leave", "worker-2:leave"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.withVirtualTime(() -> new EventService().run(3, Duration.ofMillis(50)))
			.thenAwait(Duration.ofMillis(100))
			.assertNext((report) -> assertThat(events(report)).containsExactly("waiter-0:wait", "waiter-1:wait",
					"waiter-2:wait", "setter:set()", "waiter-0:released", "waiter-1:released", "waiter-2:released",
					"setter:clear()", "late-waiter:wait"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private static List<String> events(Report report) {
		return report.timeline().stream().map((event) -> event.task() + ":" + event.event()).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> result(Report report) {
		return (Map<String, Object>) report.result();
	}

}
