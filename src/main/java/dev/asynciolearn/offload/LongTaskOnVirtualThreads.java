package dev.asynciolearn.offload;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.asynciolearn.offload.LongTaskService.Finished;
import dev.asynciolearn.offload.LongTaskService.LongTaskResult;
import dev.asynciolearn.offload.LongTaskService.LongTaskSignal;
import dev.asynciolearn.offload.LongTaskService.Tick;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.stereotype.Service;

/**
 * {@code example_to_thread_2.py} on virtual threads: the blocking job sleeps on a virtual
 * thread of its own, and the request's thread ticks by waiting for the job one period at
 * a time ({@code job.get(tick)} until it answers); the stream ends with the job.
 * <p>
 * The difference that matters: no timer, no {@code to_thread}: the ticker is a loop that
 * blocks, and the job blocks too, each on a virtual thread that holds no carrier while it
 * waits. A client that hangs up interrupts the ticker, which stops the job.
 */
@Service
class LongTaskOnVirtualThreads {

	static final Concept LONG_TASK = new Concept("to_thread on virtual threads: a long job beside a ticking loop",
			"ticker = asyncio.create_task(tick_forever()); await asyncio.to_thread(time.sleep, work); ticker.cancel()",
			"Future<Long> job = executor.submit(() -> { Thread.sleep(work); ... });\n"
					+ "while (true) { tick(); try { job.get(tick, MILLISECONDS); break; } catch (TimeoutException ex) { } }");

	Flux<LongTaskSignal> longTask(LongTaskRequest request) {
		return VirtualThreadDemo.stream(LONG_TASK, (timeline, sink) -> run(request, timeline, sink));
	}

	private static void run(LongTaskRequest request, Timeline timeline, FluxSink<LongTaskSignal> sink)
			throws InterruptedException, ExecutionException {
		Duration work = Duration.ofMillis(request.workMs());
		timeline.event(Timeline.REQUEST, Event.START);
		try (ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job").factory())) {
			Future<Long> job = executor.submit(() -> {
				timeline.event("job", Event.START);
				Thread.sleep(work);
				timeline.event("job", Event.DONE);
				return work.toMillis();
			});
			long ticks = 0;
			long workDone;
			try {
				while (true) {
					sink.next(new Tick(ticks++, timeline.elapsedMs(), Thread.currentThread().getName()));
					timeline.event("ticker", Event.TICK);
					try {
						workDone = job.get(request.tickMs(), TimeUnit.MILLISECONDS);
						break;
					}
					catch (TimeoutException ex) {
						// One period without the job: tick again.
					}
				}
			}
			catch (InterruptedException ex) {
				// The client hung up: stop the job rather than wait for it.
				executor.shutdownNow();
				throw ex;
			}
			timeline.event(Timeline.REQUEST, Event.DONE);
			sink.next(new Finished(timeline
				.report(new LongTaskResult(workDone, request.tickMs(), ticks, workDone / request.tickMs()))));
			sink.complete();
		}
	}

}
