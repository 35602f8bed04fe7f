package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.asynciolearn.tasks.DemoTask;
import dev.asynciolearn.tasks.TaskRegistry;
import dev.asynciolearn.tasks.TaskView;
import dev.asynciolearn.timeline.Concept;
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

	Mono<Report> wait(ReturnWhen returnWhen, int count, long delayMs, @Nullable Integer failAt,
			@Nullable Duration timeout) {
		return Timeline.mono(WAIT, (timeline) -> {
			List<Duration> delays = Jobs.delays(count, delayMs);
			String run = "wait-" + this.runs.incrementAndGet() + "/";
			List<DemoTask> tasks = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				tasks.add(this.registry.start(run + "job-" + i,
						Jobs.job(timeline, "task/", i, delays.get(i), failAt != null && failAt == i)));
			}
			List<Mono<Integer>> monos = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				monos.add(Jobs.job(timeline, "mono/", i, delays.get(i), failAt != null && failAt == i));
			}
			Mono<Void> tasksCondition = bounded(condition(returnWhen, tasks), timeout);
			Mono<Void> monosCondition = bounded(reactorOperator(returnWhen, monos), timeout);
			return Mono.when(tasksCondition.doOnSuccess((v) -> timeline.event("wait", "returned")), monosCondition)
				.then(Mono.fromSupplier(() -> {
					Map<String, Object> result = new LinkedHashMap<>();
					result.put("returnWhen", returnWhen);
					result.put("timeoutMs", (timeout != null) ? timeout.toMillis() : null);
					result.put("done", views(tasks, true));
					result.put("pending", views(tasks, false));
					result.put("pendingKeepRunning", "GET /api/tasks/{id} shows each pending task finishing later");
					result.put("plainMonosWithReactorOperators", endings(timeline, count));
					return timeline.report(result);
				}));
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

	private static List<TaskView> views(List<DemoTask> tasks, boolean done) {
		return tasks.stream().filter((task) -> task.isDone() == done).map(DemoTask::view).toList();
	}

	private static Map<String, String> endings(Timeline timeline, int count) {
		Map<String, String> endings = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			String task = "mono/job-" + i;
			endings.put(task,
					timeline.events()
						.stream()
						.filter((event) -> event.task().equals(task) && !event.event().equals("start"))
						.map((event) -> event.event())
						.reduce((a, b) -> b)
						.orElse("pending"));
		}
		return endings;
	}

}
