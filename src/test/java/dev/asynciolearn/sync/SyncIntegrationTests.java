package dev.asynciolearn.sync;

import java.util.List;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.sync.EventService.EventResult;
import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.sync.QueueService.QueueResult;
import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.timeline.TestReports.get;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SyncIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theRaceLosesUpdatesWithoutTheLockAndNoneWithIt() {
		assertThat(result("/api/sync/lock?workers=50&useLock=false", LockResult.class).finalCount()).isLessThan(50);
		assertThat(result("/api/sync/lock?workers=50&useLock=true", LockResult.class).finalCount()).isEqualTo(50);
	}

	@Test
	void overHttpTheRaceEndsAtOneEveryTimeWithEveryReadBeforeTheFirstWriteAsOnAsyncioLoop() {
		for (int call = 0; call < 20; call++) {
			Report<LockResult> report = get(this.client, "/api/sync/lock?workers=50&useLock=false", LockResult.class);
			assertThat(report.result().finalCount()).as("call %d", call).isEqualTo(1);
			List<Event> events = report.timeline().stream().map(TimelineEvent::event).toList();
			assertThat(events.lastIndexOf(Event.READ)).as("the last read comes before the first write")
				.isLessThan(events.indexOf(Event.WRITE));
			assertThat(report.timeline()).extracting(TimelineEvent::thread)
				.as("one thread, like the loop")
				.containsOnly("single-1");
		}
	}

	@Test
	void theThreeQueueKindsGiveThreeOrdersAsInTheNotes() {
		assertThat(result("/api/sync/queue?kind=FIFO&items=3", QueueResult.class).getOrder()).containsExactly(3, 1, 2);
		assertThat(result("/api/sync/queue?kind=LIFO&items=3", QueueResult.class).getOrder()).containsExactly(2, 1, 3);
		assertThat(result("/api/sync/queue?kind=PRIORITY&items=3", QueueResult.class).getOrder()).containsExactly(1, 2,
				3);
	}

	@Test
	void manyProducersAndConsumersMoveEveryItemOnceThroughASmallQueue() {
		QueueResult result = result(
				"/api/sync/queue?kind=FIFO&maxsize=3&producers=10&consumers=5&items=500&consumeMs=1&consumersStartAfterMs=0",
				QueueResult.class);
		assertThat(result.everyItemExactlyOnce()).isTrue();
		assertThat(result.peakQueueSize()).isLessThanOrEqualTo(3);
		assertThat(result.putsThatWaited()).isPositive();
	}

	@Test
	void theSemaphorePeakEqualsThePermits() {
		assertThat(result("/api/sync/semaphore?workers=100&permits=10&holdMs=20", SemaphoreResult.class).peakInside())
			.isEqualTo(10);
	}

	@Test
	void theEventReleasesEveryWaiter() {
		EventResult result = result("/api/sync/event?waiters=100&setAfterMs=100", EventResult.class);
		assertThat(result.released()).isEqualTo(100);
		assertThat(result.afterClearWaits()).isTrue();
	}

	private <R> R result(String uri, Class<R> type) {
		return get(this.client, uri, type).result();
	}

}
