package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.workbook.Attempt;
import dev.asynciolearn.workbook.collections.AsCompleted;
import dev.asynciolearn.workbook.collections.Gather;
import dev.asynciolearn.workbook.collections.Wait;
import dev.asynciolearn.workbook.collections.WaitFor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 3 as the learner wrote it ({@code -Pworkbook}): each exercise gets the same
 * jobs as the demo beside it, recording on a timeline, so the explorer draws the
 * learner's run under the reference one.
 */
@RestController
@RequestMapping("/api/workbook/collections")
@Tag(name = "workbook", description = "the workbook's exercises as you wrote them (with -Pworkbook)")
class WorkbookCollectionsController {

	private final Gather gather = new Gather();

	private final Wait wait = new Wait();

	private final WaitFor waitFor = new WaitFor();

	private final AsCompleted asCompleted = new AsCompleted();

	@Operation(summary = "Your Gather, given the jobs of GET /api/collections/gather (returnExceptions is ignored)")
	@GetMapping("/gather")
	Mono<Report<Attempt<List<Integer>>>> gather(@ParameterObject GatherRequest request) {
		return Attempt.run(Attempt.yours(GatherService.GATHER, "Gather#gather"), (timeline) -> this.gather
			.gather(new Jobs(timeline, "", request.count(), request.delayMs(), request.failAt()).all()));
	}

	@Operation(summary = "Your Wait (FIRST_COMPLETED), given the jobs of GET /api/collections/wait (returnWhen and "
			+ "timeoutMs are ignored): the first job's index, the others running on")
	@GetMapping("/wait")
	Mono<Report<Attempt<Integer>>> wait(@ParameterObject WaitRequest request) {
		return Attempt.run(Attempt.yours(WaitService.WAIT, "Wait#firstCompleted"), (timeline) -> this.wait
			.firstCompleted(new Jobs(timeline, "", request.count(), request.delayMs(), request.failAt()).all()));
	}

	@Operation(summary = "Your WaitFor, given the work and the timeout of GET /api/collections/wait-for")
	@GetMapping("/wait-for")
	Mono<Report<Attempt<Long>>> waitFor(@ParameterObject WaitForRequest request) {
		return Attempt.run(Attempt.yours(WaitForService.WAIT_FOR, "WaitFor#waitFor"), (timeline) -> this.waitFor.waitFor(
				Mono.delay(Duration.ofMillis(request.delayMs())).transform(timeline.task("inner", Event.START, Event.DONE)),
				Duration.ofMillis(request.timeoutMs())));
	}

	@Operation(summary = "Your AsCompleted, given the jobs of GET /api/collections/as-completed, its values "
			+ "collected in the order they came (timeoutMs is ignored)")
	@GetMapping("/as-completed")
	Mono<Report<Attempt<List<Integer>>>> asCompleted(@ParameterObject AsCompletedRequest request) {
		return Attempt.run(Attempt.yours(AsCompletedService.AS_COMPLETED, "AsCompleted#asCompleted"), (timeline) -> this.asCompleted
			.asCompleted(new Jobs(timeline, "", request.count(), request.delayMs(), null).all())
			.collectList());
	}

}
