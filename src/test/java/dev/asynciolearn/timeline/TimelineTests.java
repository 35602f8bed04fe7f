package dev.asynciolearn.timeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TimelineTests {

	private static final Concept CONCEPT = new Concept("demo", "await demo()", "Mono.demo()");

	@Test
	void recordsTaskEventAndThreadInTimeOrder() throws InterruptedException {
		Timeline timeline = Timeline.start(CONCEPT);
		timeline.event("a", "start");
		Thread other = new Thread(() -> timeline.event("b", "start"), "other-thread");
		other.start();
		other.join();
		timeline.event("a", "done");
		Report report = timeline.report(42);
		assertThat(report.concept()).isEqualTo("demo");
		assertThat(report.asyncio()).isEqualTo("await demo()");
		assertThat(report.reactor()).isEqualTo("Mono.demo()");
		assertThat(report.result()).isEqualTo(42);
		assertThat(report.timeline()).extracting(TimelineEvent::task, TimelineEvent::event, TimelineEvent::thread)
			.containsExactly(tuple("a", "start", "main"), tuple("b", "start", "other-thread"),
					tuple("a", "done", "main"));
		assertThat(report.timeline()).extracting(TimelineEvent::atMs).isSorted();
		assertThat(report.elapsedMs()).isGreaterThanOrEqualTo(report.timeline().get(2).atMs());
	}

	@Test
	void keepsEveryEventRecordedConcurrently() throws InterruptedException {
		Timeline timeline = Timeline.start(CONCEPT);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch go = new CountDownLatch(1);
		for (int t = 0; t < 4; t++) {
			pool.execute(() -> {
				awaitQuietly(go);
				for (int i = 0; i < 1000; i++) {
					timeline.event("worker", "tick");
				}
			});
		}
		go.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		Report report = timeline.report(null);
		assertThat(report.timeline()).hasSize(4000);
		assertThat(report.timeline()).extracting(TimelineEvent::atMs).isSorted();
		assertThat(report.droppedEvents()).isZero();
	}

	@Test
	void boundsItsSizeAndCountsWhatItDropped() {
		Timeline timeline = Timeline.start(CONCEPT);
		for (int i = 0; i < Timeline.MAX_EVENTS + 25; i++) {
			timeline.event("t", "e");
		}
		Report report = timeline.report(null);
		assertThat(report.timeline()).hasSize(Timeline.MAX_EVENTS);
		assertThat(report.droppedEvents()).isEqualTo(25);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
