package dev.asynciolearn.sync;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.sync.EventService.EventResult;
import dev.asynciolearn.sync.LockService.LockResult;
import dev.asynciolearn.sync.QueueService.QueueResult;
import dev.asynciolearn.sync.SemaphoreService.SemaphoreResult;
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
