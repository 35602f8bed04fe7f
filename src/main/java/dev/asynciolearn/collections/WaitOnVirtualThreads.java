package dev.asynciolearn.collections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskRegistry;
import dev.asynciolearn.tasks.TaskView;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.VirtualThreadDemo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code done, pending = await asyncio.wait(tasks, return_when=..., timeout=...)} on
 * virtual threads: each job is a {@code Future} on a virtual thread of its own, a task of
 * the {@link TaskRegistry}, whose {@code done()} puts it on a completion queue (as
 * {@code ExecutorCompletionService} does); the demo's thread takes from that queue, with
 * what is left of the timeout, until the condition holds.
 * <p>
 * The difference that matters: none with asyncio this time. Taking from a queue cancels
 * nobody, so the pending tasks run on after {@code wait} returns ({@code GET
 * /api/tasks/{id}}), and a client that hangs up stops the wait, not the tasks, as
 * cancelling {@code asyncio.wait} leaves its tasks running.
 */
@Service
class WaitOnVirtualThreads {

	static final Concept WAIT = new Concept("wait on virtual threads: a completion queue, nobody cancelled",
			"done, pending = await asyncio.wait(tasks, return_when=FIRST_COMPLETED, timeout=t)",
			"DemoTask next = completed.poll(deadline - System.nanoTime(), NANOSECONDS);  // each task's done() "
					+ "queues it");

	/** The pending-task budget of the tasks this demo makes. */
	static final String BUDGET = "GET /api/vthreads/collections/wait";

	private final TaskRegistry registry;

	private final AtomicLong runs = new AtomicLong();

	WaitOnVirtualThreads(TaskRegistry registry) {
		this.registry = registry;
	}

	Mono<Report<ThreadWaitResult>> wait(WaitRequest request) {
		return VirtualThreadDemo.run(WAIT, (timeline) -> wait(request, timeline));
	}

	private ThreadWaitResult wait(WaitRequest request, Timeline timeline) throws InterruptedException {
		String run = "vt-wait-" + this.runs.incrementAndGet() + "/";
		List<Callable<Integer>> jobs = new ThreadJobs(timeline, request.count(), request.delayMs(), request.failAt())
			.all();
		BlockingQueue<DemoTask> completed = new LinkedBlockingQueue<>();
		List<DemoTask> tasks = new ArrayList<>(jobs.size());
		for (int i = 0; i < jobs.size(); i++) {
			tasks.add(this.registry.startOnVirtualThread(BUDGET, run + "job-" + i, jobs.get(i), completed::add));
		}
		Long timeoutMs = request.timeoutMs();
		long deadline = System.nanoTime() + ((timeoutMs != null) ? TimeUnit.MILLISECONDS.toNanos(timeoutMs) : 0);
		int finished = 0;
		boolean failed = false;
		while (!holds(request.returnWhen(), finished, tasks.size(), failed)) {
			DemoTask next = (timeoutMs != null) ? completed.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
					: completed.take();
			if (next == null) {
				// The timeout: wait returns without raising.
				break;
			}
			finished++;
			failed |= next.state() == DemoTask.State.FAILED;
		}
		timeline.event("wait", Event.DONE);
		return new ThreadWaitResult(request.returnWhen(), timeoutMs, WaitService.views(tasks, true),
				WaitService.views(tasks, false));
	}

	private static boolean holds(ReturnWhen returnWhen, int finished, int all, boolean failed) {
		return switch (returnWhen) {
			case ALL_COMPLETED -> finished == all;
			case FIRST_COMPLETED -> finished > 0;
			case FIRST_EXCEPTION -> failed || finished == all;
		};
	}

	/**
	 * {@code done, pending = await asyncio.wait(...)} on virtual threads.
	 *
	 * @param returnWhen the condition
	 * @param timeoutMs the timeout, if any
	 * @param done the tasks finished when wait returned
	 * @param pending the tasks still running then; they run on ({@code GET
	 * /api/tasks/{id}})
	 */
	record ThreadWaitResult(ReturnWhen returnWhen, @Nullable Long timeoutMs, List<TaskView> done,
			List<TaskView> pending) {
	}

}
