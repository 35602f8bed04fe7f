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
class VirtualThreadSyncIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theRaceLosesUpdatesWithoutTheLockAndNoneWithIt() {
		assertThat(get(this.client, "/api/vthreads/sync/lock?workers=50&useLock=false", LockResult.class).result()
			.finalCount()).isLessThan(50);
		assertThat(get(this.client, "/api/vthreads/sync/lock?workers=50&useLock=true", LockResult.class).result()
			.finalCount()).isEqualTo(50);
	}

	@Test
	void theQueueAndTheEventWorkAsTheirAsyncioNamesSay() {
		QueueResult queue = get(this.client, "/api/vthreads/sync/queue?kind=PRIORITY&maxsize=3&items=6",
				QueueResult.class)
			.result();
		assertThat(queue.everyItemExactlyOnce()).isTrue();
		assertThat(queue.peakQueueSize()).isEqualTo(3);
		EventResult event = get(this.client, "/api/vthreads/sync/event?waiters=100&setAfterMs=100", EventResult.class)
			.result();
		assertThat(event.released()).isEqualTo(100);
		assertThat(event.afterClearWaits()).isTrue();
	}

	@Test
	void theSemaphorePeakEqualsThePermits() {
		assertThat(
				get(this.client, "/api/vthreads/sync/semaphore?workers=100&permits=10&holdMs=20", SemaphoreResult.class)
					.result()
					.peakInside())
			.isEqualTo(10);
	}

}
