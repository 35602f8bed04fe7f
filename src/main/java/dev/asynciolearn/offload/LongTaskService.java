package dev.asynciolearn.offload;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.asynciolearn.system.Until;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code example_to_thread_2.py}: a ticker task keeps ticking while
 * {@code await asyncio.to_thread(time.sleep, work)} holds a worker thread. Here the ticks
 * come from {@code Flux.interval} on a timer thread, the job runs on
 * {@code boundedElastic}, and the stream ends with the job.
 * <p>
 * The difference that matters: asyncio cancels the ticker explicitly once the job is
 * done; here the job's end ends the ticks ({@code Until.until}, a {@code takeUntilOther}
 * without its race), and a client that hangs up cancels both, which interrupts the job's
 * thread.
 */
@Service
class LongTaskService {

	static final Concept LONG_TASK = new Concept("to_thread: long blocking task beside a ticking stream",
			"ticker = asyncio.create_task(tick_forever()); await asyncio.to_thread(time.sleep, work); ticker.cancel()",
			"until(Flux.interval(ZERO, tick), job).concatWith(report)"
					+ " with job = Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())");

	private final ToThread toThread;

	LongTaskService(ToThread toThread) {
		this.toThread = toThread;
	}

	/**
	 * Ticks every {@code tickMs} from a non-blocking timer while a blocking job of
	 * {@code workMs} runs on a worker; the last signal carries the job's report.
	 * Cancelling the returned flux stops the ticks and interrupts the job.
	 */
	Flux<LongTaskSignal> longTask(LongTaskRequest request) {
		Duration work = Duration.ofMillis(request.workMs());
		Duration tick = Duration.ofMillis(request.tickMs());
		return Timeline.flux(LONG_TASK, (timeline) -> {
			timeline.event(Timeline.REQUEST, Event.START);
			AtomicLong ticks = new AtomicLong();
			AtomicLong workDone = new AtomicLong();
			Mono<Long> job = this.toThread.offload(Mono.fromCallable(() -> this.toThread.run(timeline, "job", () -> {
				Thread.sleep(work.toMillis());
				return work.toMillis();
			}))).doOnSubscribe((s) -> timeline.event("job", Event.HOP)).doOnNext((done) -> workDone.set(done));
			// Ticks stop when the job is done, and the report comes after the last one,
			// so it counts exactly the ticks the client saw.
			Flux<LongTaskSignal> seen = Until
				.until(Flux.interval(Duration.ZERO, tick)
					.onBackpressureDrop()
					.<LongTaskSignal>map((n) -> new Tick(n, timeline.elapsedMs(), Thread.currentThread().getName())),
						job)
				.doOnNext((t) -> {
					timeline.event("ticker", Event.TICK);
					ticks.incrementAndGet();
				});
			return seen.concatWith(Mono.fromSupplier(() -> {
				timeline.event(Timeline.REQUEST, Event.DONE);
				return new Finished(timeline.report(new LongTaskResult(workDone.get(), tick.toMillis(), ticks.get(),
						workDone.get() / tick.toMillis())));
			}));
		});
	}

	/**
	 * @param workMs how long the job held its worker
	 * @param tickMs the ticker's period
	 * @param ticks ticks the client got while the job ran
	 * @param ticksExpected workMs / tickMs
	 */
	record LongTaskResult(long workMs, long tickMs, long ticks, long ticksExpected) {
	}

	/** What the long-task stream emits: ticks, then the job's report. */
	sealed interface LongTaskSignal permits Tick, Finished {

	}

	/**
	 * One tick of the timer.
	 *
	 * @param n the tick's number, from 0
	 * @param atMs when it fired, since the stream started
	 * @param thread the thread that ran it
	 */
	record Tick(long n, double atMs, String thread) implements LongTaskSignal {
	}

	/**
	 * The job finished.
	 *
	 * @param report the report of the whole stream
	 */
	record Finished(Report<LongTaskResult> report) implements LongTaskSignal {
	}

}
