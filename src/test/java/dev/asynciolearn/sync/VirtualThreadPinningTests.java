package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.timeline.TestReports;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The virtual-thread twins park without pinning their carrier: JFR's
 * {@code jdk.VirtualThreadPinned} event, recorded for every park however short, stays
 * silent while they run. A thread that blocks where the JDK must pin it (in a class
 * initializer) is reported, which shows the recording works.
 */
class VirtualThreadPinningTests {

	@Test
	void theTwinsOfChapterFivePinNoCarrier() throws InterruptedException {
		List<RecordedEvent> pinned = pinnedWhile(() -> {
			TestReports.reportInRealTime(new SemaphoreOnVirtualThreads().run(new SemaphoreRequest(50, 5, 20)));
			TestReports.reportInRealTime(new LockOnVirtualThreads().run(new LockRequest(50, true)));
			TestReports.reportInRealTime(
					new QueueOnVirtualThreads().run(new QueueRequest(AsyncQueue.Kind.PRIORITY, 3, 5, 5, 100, 1, 0)));
			TestReports.reportInRealTime(new EventOnVirtualThreads().run(new EventRequest(50, 20)));
		});
		assertThat(pinned).isEmpty();
	}

	@Test
	void blockingInAClassInitializerPinsAndIsReported() throws InterruptedException {
		List<RecordedEvent> pinned = pinnedWhile(() -> {
			Thread thread = Thread.ofVirtual().start(() -> SleepsWhileInitialized.touch());
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(pinned).isNotEmpty();
	}

	private static List<RecordedEvent> pinnedWhile(Runnable work) throws InterruptedException {
		List<RecordedEvent> pinned = new CopyOnWriteArrayList<>();
		AtomicBoolean worked = new AtomicBoolean();
		CountDownLatch flushedAfter = new CountDownLatch(1);
		try (RecordingStream recording = new RecordingStream()) {
			recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
			recording.onEvent("jdk.VirtualThreadPinned", pinned::add);
			// Events reach the stream in flushes, about once a second: the first flush
			// after the work holds every event it caused.
			recording.onFlush(() -> {
				if (worked.get()) {
					flushedAfter.countDown();
				}
			});
			recording.startAsync();
			work.run();
			worked.set(true);
			assertThat(flushedAfter.await(10, TimeUnit.SECONDS)).isTrue();
		}
		return pinned;
	}

	private static final class SleepsWhileInitialized {

		static {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		static void touch() {
		}

	}

}
