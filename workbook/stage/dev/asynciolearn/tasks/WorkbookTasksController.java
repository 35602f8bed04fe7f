package dev.asynciolearn.tasks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.workbook.Attempt;
import dev.asynciolearn.workbook.tasks.Interleave;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 2 as the learner wrote it ({@code -Pworkbook}): two of the learner's tasks run
 * together on one thread, as the demo beside it runs its own.
 */
@RestController
@RequestMapping("/api/workbook/tasks")
@Tag(name = "workbook", description = "the workbook's exercises as you wrote them (with -Pworkbook)")
class WorkbookTasksController {

	private final Interleave interleave = new Interleave();

	@Operation(summary = "Two of your Interleave tasks, a and b, run together on one thread of their own, as in "
			+ "GET /api/tasks/interleave (suspend is ignored): the steps in the order they ran")
	@GetMapping("/interleave")
	Mono<Report<Attempt<List<String>>>> interleave(@ParameterObject InterleaveRequest request) {
		return Attempt.run(Attempt.yours(InterleaveService.INTERLEAVE, "Interleave#task"), (timeline) -> {
			List<String> order = new CopyOnWriteArrayList<>();
			// A loop of its own: a step that blocks stalls this run only.
			Scheduler loop = Schedulers.newSingle("workbook-loop");
			return Mono
				.when(this.interleave.task("a", request.steps(), log(timeline, order), loop),
						this.interleave.task("b", request.steps(), log(timeline, order), loop))
				.subscribeOn(loop)
				.then(Mono.fromSupplier(() -> List.copyOf(order)))
				.doFinally((signal) -> loop.dispose());
		});
	}

	/** Each step as the learner logs it ({@code a:0}), on its task's row. */
	private static Consumer<String> log(Timeline timeline, List<String> order) {
		return (step) -> {
			order.add(step);
			int colon = step.indexOf(':');
			timeline.event((colon > 0) ? step.substring(0, colon) : step, Event.STEP,
					(colon > 0) ? step.substring(colon + 1) : null);
		};
	}

}
