package dev.asynciolearn.sync;

import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SyncIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theRaceLosesUpdatesWithoutTheLockAndNoneWithIt() {
		assertThat((Integer) result("/api/sync/lock?workers=50&useLock=false").get("final")).isLessThan(50);
		assertThat(result("/api/sync/lock?workers=50&useLock=true")).containsEntry("final", 50);
	}

	@Test
	void manyProducersAndConsumersMoveEveryItemOnceThroughASmallQueue() {
		Map<String, Object> result = result(
				"/api/sync/queue?kind=FIFO&maxsize=3&producers=10&consumers=5&items=500&consumeMs=1&consumersStartAfterMs=0");
		assertThat(result).containsEntry("everyItemExactlyOnce", true);
		assertThat((Integer) result.get("peakQueueSize")).isLessThanOrEqualTo(3);
		assertThat((Integer) result.get("putsThatWaited")).isPositive();
	}

	@Test
	void theSemaphorePeakEqualsThePermits() {
		assertThat(result("/api/sync/semaphore?workers=100&permits=10&holdMs=20")).containsEntry("peakInside", 10);
	}

	@Test
	void theEventReleasesEveryWaiter() {
		assertThat(result("/api/sync/event?waiters=100&setAfterMs=100")).containsEntry("released", 100)
			.containsEntry("afterClearWaits", true);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> result(String uri) {
		Report report = this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Report.class)
			.returnResult()
			.getResponseBody();
		return (Map<String, Object>) report.result();
	}

}
