package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.asynciolearn.collections.WaitResult.MonoEnding;
import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskRegistry;
import dev.asynciolearn.tasks.TaskView;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code done, pending = await asyncio.wait(tasks, return_when=..., timeout=...)}: return
 * the finished and the unfinished tasks at the moment the condition (or the timeout) is
 * met, without raising and without cancelling anyone. The jobs are real tasks of the
 * {@link TaskRegistry}, so the pending ones can be followed at {@code GET
 * /api/tasks/{id}} as they finish later.
 * <p>
 * The difference that matters: Reactor's operators for "the first one" and "at most this
 * long", {@code Mono.firstWithSignal} and {@code timeout}, cancel the losers. The report
 * shows that too: the same jobs as plain Monos, raced with those operators, end up
 * cancelled where the tasks run on.
 */
@Service
class WaitService {

	static final Concept WAIT = new Concept("wait: done and pending sets, nobody cancelled",
			"done, pending = await asyncio.wait(tasks, return_when=FIRST_COMPLETED, timeout=t)",
			"Mono.firstWithSignal(task.whenFinished()...).timeout(t, Mono.empty()) over tasks that were subscribed "
					+ "on creation");

	private final TaskRegistry registry;

	private final AtomicLong runs = new AtomicLong();

	WaitService(TaskRegistry registry) {
		this.registry = registry;
	}

	Mono<Report<WaitResult>> wait(WaitRequest request) {
		return Timeline.mono(WAIT, (timeline) -> {
			String run = "wait-" + this.runs.incrementAndGet() + "/";
			List<Mono<Integer>> work = new Jobs(timeline, "task/", request.count(), request.delayMs(), request.failAt())
				.all();
			List<DemoTask> tasks = new ArrayList<>();
			for (int i = 0; i < work.size(); i++) {
				tasks.add(this.registry.start("GET /api/collections/wait", run + "job-" + i, work.get(i)));
			}
			Jobs monos = new Jobs(timeline, "mono/", request.count(), request.delayMs(), request.failAt());
			Duration timeout = (request.timeoutMs() != null) ? Duration.ofMillis(request.timeoutMs()) : null;
			Mono<Void> tasksCondition = bounded(condition(request.returnWhen(), tasks), timeout)
				.doOnSuccess((returned) -> timeline.event("wait", Event.DONE));
			Mono<Void> monosCondition = bounded(reactorOperator(request.returnWhen(), monos.all()), timeout);
			return Mono.when(tasksCondition, monosCondition)
				.then(Mono.fromSupplier(() -> new WaitResult(request.returnWhen(), request.timeoutMs(),
						views(tasks, true), views(tasks, false), endings(monos))));
		});
	}

	/** The asyncio condition, over tasks: waiting on them never cancels them. */
	private static Mono<Void> condition(ReturnWhen returnWhen, List<DemoTask> tasks) {
		Flux<DemoTask> finishing = Flux
			.merge(tasks.stream().map((task) -> task.whenFinished().thenReturn(task)).toList());
		return switch (returnWhen) {
			case ALL_COMPLETED -> finishing.then();
			case FIRST_COMPLETED -> finishing.next().then();
			case FIRST_EXCEPTION -> finishing.takeUntil((task) -> task.state() == DemoTask.State.FAILED).then();
		};
	}

	/**
	 * What Reactor offers for the same condition over plain Monos: the losers are
	 * cancelled.
	 */
	private static Mono<Void> reactorOperator(ReturnWhen returnWhen, List<Mono<Integer>> monos) {
		List<Mono<Object>> settled = monos.stream()
			.map((mono) -> mono.<Object>map((value) -> value).onErrorResume(Mono::just))
			.toList();
		return switch (returnWhen) {
			case ALL_COMPLETED -> Mono.when(settled);
			case FIRST_COMPLETED -> Mono.firstWithSignal(settled).then();
			case FIRST_EXCEPTION -> Flux.merge(monos).then().onErrorComplete();
		};
	}

	private static Mono<Void> bounded(Mono<Void> condition, @Nullable Duration timeout) {
		return (timeout != null) ? condition.timeout(timeout, Mono.empty()) : condition;
	}

	/**
	 * The tasks finished ({@code done}) or not, as they are now: one of wait's two sets.
	 */
	static List<TaskView> views(List<DemoTask> tasks, boolean done) {
		return tasks.stream().filter((task) -> task.isDone() == done).map(DemoTask::view).toList();
	}

	private static List<MonoEnding> endings(Jobs monos) {
		List<Object> outcomes = monos.outcomes();
		List<MonoEnding> endings = new ArrayList<>(outcomes.size());
		for (int i = 0; i < outcomes.size(); i++) {
			endings.add(new MonoEnding("mono/job-" + i, outcomes.get(i)));
		}
		return endings;
	}

}
