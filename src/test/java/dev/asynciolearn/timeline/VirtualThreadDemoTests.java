package dev.asynciolearn.timeline;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VirtualThreadDemoTests {

	private static final Concept CONCEPT = new Concept("a blocking demo", "await asyncio.sleep(10)",
			"Thread.sleep(10_000)");

	@Test
	void theDemoRunsOnAVirtualThreadOfItsOwnAndItsResultIsTheReport() {
		Report<String> report = TestReports.reportInRealTime(VirtualThreadDemo.run(CONCEPT, (timeline) -> {
			timeline.event("request", Event.START);
			return Thread.currentThread().isVirtual() ? "virtual" : "platform";
		}));
		assertThat(report.result()).isEqualTo("virtual");
		assertThat(report.timeline()).singleElement().satisfies((event) -> {
			assertThat(event.thread()).isEqualTo(VirtualThreadDemo.THREAD);
			assertThat(event.carrier()).isNotBlank();
		});
	}

	@Test
	void whatTheDemoRaisesIsTheAnswersError() {
		StepVerifier.create(VirtualThreadDemo.run(CONCEPT, (timeline) -> {
			throw new IllegalStateException("raised");
		})).expectErrorMessage("raised").verify(Duration.ofSeconds(5));
	}

	@Test
	void cancellingTheAnswerInterruptsTheDemosThread() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		AtomicReference<Throwable> seen = new AtomicReference<>();
		CountDownLatch stopped = new CountDownLatch(1);
		StepVerifier.create(VirtualThreadDemo.run(CONCEPT, (timeline) -> {
			started.countDown();
			try {
				Thread.sleep(10_000);
				return "slept";
			}
			catch (InterruptedException ex) {
				seen.set(ex);
				throw ex;
			}
			finally {
				stopped.countDown();
			}
		})).then(() -> awaitQuietly(started)).thenCancel().verify(Duration.ofSeconds(5));
		assertThat(stopped.await(2, TimeUnit.SECONDS)).as("the demo stopped").isTrue();
		assertThat(seen.get()).isInstanceOf(InterruptedException.class);
	}

	/**
	 * A demo that raises at once when a hang-up interrupts it has nobody to tell: its
	 * error must not reach a subscriber that has gone (where it would be dropped). Many
	 * rounds, as the demo races the cancel.
	 */
	@Test
	void theErrorOfADemoInterruptedByAHangUpIsNotDropped() throws InterruptedException {
		for (int round = 0; round < 300; round++) {
			CountDownLatch started = new CountDownLatch(1);
			CountDownLatch stopped = new CountDownLatch(1);
			Disposable answer = VirtualThreadDemo.run(CONCEPT, (timeline) -> {
				started.countDown();
				try {
					Thread.sleep(10_000);
					return "slept";
				}
				finally {
					stopped.countDown();
				}
			}).subscribe();
			assertThat(started.await(2, TimeUnit.SECONDS)).isTrue();
			answer.dispose();
			assertThat(stopped.await(2, TimeUnit.SECONDS)).as("the demo stopped").isTrue();
		}
		// DroppedSignals fails the test if any error went to onErrorDropped.
	}

	@Test
	void runAllWaitsForEveryWorkerEachOnItsOwnThread() throws InterruptedException {
		Set<String> names = ConcurrentHashMap.newKeySet();
		long start = System.nanoTime();
		VirtualThreadDemo.runAll("w-", 50, (i) -> {
			names.add(Thread.currentThread().getName());
			Thread.sleep(100);
		});
		assertThat(names).hasSize(50).contains("w-0", "w-49");
		// At once, not one after another (5 s).
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(100),
				Duration.ofSeconds(2));
	}

	@Test
	void anInterruptedRunAllInterruptsItsWorkers() throws InterruptedException {
		CountDownLatch interrupted = new CountDownLatch(10);
		AtomicReference<Throwable> raised = new AtomicReference<>();
		Thread caller = Thread.ofVirtual().start(() -> {
			try {
				VirtualThreadDemo.runAll("w-", 10, (i) -> {
					try {
						Thread.sleep(10_000);
					}
					catch (InterruptedException ex) {
						interrupted.countDown();
						throw ex;
					}
				});
			}
			catch (InterruptedException ex) {
				raised.set(ex);
			}
		});
		Thread.sleep(200);
		caller.interrupt();
		assertThat(caller.join(Duration.ofSeconds(2))).isTrue();
		assertThat(interrupted.await(1, TimeUnit.SECONDS)).isTrue();
		assertThat(raised.get()).isInstanceOf(InterruptedException.class);
	}

	@Test
	@Timeout(10)
	void theFirstWorkerThatRaisesStopsTheOthersAndItsExceptionIsRaised() {
		CountDownLatch never = new CountDownLatch(1);
		long start = System.nanoTime();
		assertThatIllegalStateException().isThrownBy(() -> VirtualThreadDemo.runAll("w-", 5, (i) -> {
			if (i == 0) {
				throw new IllegalStateException("worker 0 failed");
			}
			// The others wait for something worker 0 would have done.
			never.await();
		})).withMessage("worker 0 failed");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
