package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.Set;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.collections.GatherResult.Gathered;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.asynciolearn.timeline.TestReports.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class VirtualThreadCollectionsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry registry;

	@LocalServerPort
	private int port;

	@Test
	void gatherOfTwentyJobsOnTwentyVirtualThreadsTakesAboutTheLongest() {
		Report<Gathered> report = get(this.client, "/api/vthreads/collections/gather?count=20&delayMs=500",
				Gathered.class);
		assertThat(report.result().results()).hasSize(20);
		assertThat(report.elapsedMs()).isBetween(500.0, 2500.0);
		assertThat(report.timeline()).filteredOn((event) -> event.event() == Event.DONE)
			.hasSize(20)
			.allSatisfy((event) -> {
				assertThat(event.thread()).isEqualTo(event.task());
				assertThat(event.carrier()).isNotBlank();
			})
			.extracting(TimelineEvent::carrier)
			.as("twenty virtual threads on a few carriers")
			.satisfies((carriers) -> assertThat(Set.copyOf(carriers)).hasSizeLessThan(20));
	}

	@Test
	void aClientThatHangsUpInterruptsItsDemo() {
		Disposable request = WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/vthreads/collections/gather?count=10&delayMs=10000")
			.retrieve()
			.bodyToMono(String.class)
			.subscribe();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(running()).isEqualTo(1));
		request.dispose();
		// Its jobs would run for 10 s more; interrupted, the demo ends at once.
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(running()).isZero());
	}

	private double running() {
		return this.registry.get("asyncio.vthreads.demos.running").gauge().value();
	}

}
