package dev.asynciolearn.timeline;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TimelineTests {

	private static final Concept CONCEPT = new Concept("demo", "await demo()", "Mono.demo()");

	@Test
	void recordsTaskEventAndThreadInTimeOrder() throws InterruptedException {
		Timeline timeline = Timeline.start(CONCEPT);
		timeline.event("a", Event.START);
		Thread other = new Thread(() -> timeline.event("b", Event.START), "other-thread");
		other.start();
		other.join();
		timeline.event("a", Event.DONE);
		Report<?> report = timeline.report(42);
		assertThat(report.concept()).isEqualTo("demo");
		assertThat(report.asyncio()).isEqualTo("await demo()");
		assertThat(report.reactor()).isEqualTo("Mono.demo()");
		assertThat(report.result()).isEqualTo(42);
		assertThat(report.timeline()).extracting(TimelineEvent::task, TimelineEvent::event, TimelineEvent::thread)
			.containsExactly(tuple("a", Event.START, "main"), tuple("b", Event.START, "other-thread"),
					tuple("a", Event.DONE, "main"));
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
					timeline.event("worker", Event.TICK);
				}
			});
		}
		go.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		Report<?> report = timeline.report(null);
		assertThat(report.timeline()).hasSize(4000);
		assertThat(report.timeline()).extracting(TimelineEvent::atMs).isSorted();
		assertThat(report.droppedEvents()).isZero();
	}

	@Test
	void boundsItsSizeAndCountsWhatItDropped() {
		Timeline timeline = Timeline.start(CONCEPT);
		for (int i = 0; i < Timeline.MAX_EVENTS + 25; i++) {
			timeline.event("t", Event.STEP);
		}
		Report<?> report = timeline.report(null);
		assertThat(report.timeline()).hasSize(Timeline.MAX_EVENTS);
		assertThat(report.droppedEvents()).isEqualTo(25);
	}

	@Test
	void monoStartsItsTimelineOnlyWhenSubscribedAndOncePerSubscription() {
		AtomicInteger started = new AtomicInteger();
		Mono<Report<Integer>> demo = Timeline.mono(CONCEPT, (timeline) -> {
			started.incrementAndGet();
			timeline.event("demo", Event.START);
			return Mono.just(started.get());
		});
		assertThat(started).hasValue(0);
		StepVerifier.create(demo).assertNext((report) -> assertThat(report.result()).isEqualTo(1)).verifyComplete();
		StepVerifier.create(demo).assertNext((report) -> assertThat(report.result()).isEqualTo(2)).verifyComplete();
	}

	@Test
	void aTaskEndsWithItsFirstTerminalSignalAndSaysHow() {
		Timeline timeline = Timeline.start(CONCEPT);
		List<Ending> endings = new ArrayList<>();
		Sinks.One<Integer> failing = Sinks.one();
		Disposable subscription = failing.asMono()
			.transform(timeline.task("job", Event.START, Event.DONE, endings::add))
			.onErrorResume((error) -> Mono.never())
			.subscribe();
		failing.tryEmitError(new IllegalStateException("boom"));
		subscription.dispose();
		StepVerifier.create(Mono.just(7).transform(timeline.task("quick", Event.SUSPEND, Event.RESUME, endings::add)))
			.expectNext(7)
			.verifyComplete();
		StepVerifier.create(Mono.never().transform(timeline.task("slow", Event.START, Event.DONE, endings::add)))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(timeline.events()).extracting(TimelineEvent::step)
			.containsExactly("job: start", "job: error java.lang.IllegalStateException: boom", "quick: suspend",
					"quick: resume", "slow: start", "slow: cancelled");
		assertThat(endings).extracting(Ending::outcome)
			.containsExactly("java.lang.IllegalStateException: boom", 7, "cancelled");
	}

	@Test
	void theEventsSayWhichOfThemWait() {
		assertThat(Event.values()).filteredOn(Event::waits)
			.extracting(Event::label)
			.containsExactlyInAnyOrder("suspend", "hop", "wait", "cancelled", "tick", "built");
	}

	@Test
	void debugLinesCarryTheCorrelationIdFromTheReactorContextOnAnyThread() {
		Logger logger = (Logger) LoggerFactory.getLogger(Timeline.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		logger.addAppender(appender);
		try {
			Flux<String> demo = Timeline.flux(CONCEPT,
					(timeline) -> Flux.just("a", "b")
						.publishOn(Schedulers.parallel())
						.doOnNext((item) -> timeline.event(item, Event.STEP, Thread.currentThread().getName())));
			StepVerifier.create(demo.contextWrite((context) -> context.put(CorrelatedLog.KEY, "req-7")))
				.expectNext("a", "b")
				.expectComplete()
				.verify(Duration.ofSeconds(5));
			List<ILoggingEvent> lines = appender.list;
			assertThat(lines).hasSize(2)
				.allSatisfy((line) -> assertThat(line.getMDCPropertyMap()).containsEntry(CorrelatedLog.KEY, "req-7"))
				.allSatisfy((line) -> assertThat(line.getFormattedMessage()).contains("parallel-"));
		}
		finally {
			logger.detachAppender(appender);
			logger.setLevel(level);
		}
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
