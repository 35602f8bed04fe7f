package dev.asynciolearn.pitfalls;

import dev.asynciolearn.pitfalls.BackpressureService.BackpressureResult;
import dev.asynciolearn.pitfalls.BlockInChainService.BlockInChainResult;
import dev.asynciolearn.pitfalls.CancelCleanupService.CancelCleanupResult;
import dev.asynciolearn.pitfalls.ContextHopService.ContextHopResult;
import dev.asynciolearn.pitfalls.EagerLazyService.EagerLazyResult;
import dev.asynciolearn.pitfalls.ErrorContinueService.ErrorContinueResult;
import dev.asynciolearn.pitfalls.LostErrorService.LostErrorResult;
import dev.asynciolearn.pitfalls.SchedulerHopService.SchedulerHopResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 6: pitfalls, each lab broken and fixed.
 */
@RestController
@RequestMapping("/api/pitfalls")
@Tag(name = "pitfalls", description = "asyncio habits that break in Reactor, broken and fixed side by side")
class PitfallController {

	private final BlockInChainService blockInChain;

	private final BackpressureService backpressure;

	private final ErrorContinueService errorContinue;

	private final LostErrorService lostError;

	private final EagerLazyService eagerLazy;

	private final SchedulerHopService schedulerHop;

	private final CancelCleanupService cancelCleanup;

	private final ContextHopService contextHop;

	PitfallController(BlockInChainService blockInChain, EagerLazyService eagerLazy, SchedulerHopService schedulerHop,
			CancelCleanupService cancelCleanup, ContextHopService contextHop, BackpressureService backpressure,
			ErrorContinueService errorContinue, LostErrorService lostError) {
		this.errorContinue = errorContinue;
		this.lostError = lostError;
		this.blockInChain = blockInChain;
		this.backpressure = backpressure;
		this.eagerLazy = eagerLazy;
		this.schedulerHop = schedulerHop;
		this.cancelCleanup = cancelCleanup;
		this.contextHop = contextHop;
	}

	@Operation(summary = "block() inside the pipeline is refused on a non-blocking thread; flatMap composes instead")
	@ApiResponse(responseCode = "200", description = "The report of the lab")
	@ApiResponse(responseCode = "429",
			description = "The broken variant is already holding a thread: one run at a time (Retry-After says when)")
	@GetMapping("/block-in-chain")
	Mono<Report<BlockInChainResult>> blockInChain(@ParameterObject LabRequest request) {
		return this.blockInChain.run(request);
	}

	@Operation(
			summary = "Mono.just runs its argument at once; a cold Mono runs again per subscriber (cache() is the Task)")
	@GetMapping("/eager-lazy")
	Mono<Report<EagerLazyResult>> eagerLazy(@ParameterObject LabRequest request) {
		return this.eagerLazy.run(request);
	}

	@Operation(summary = "publishOn moves what follows it; subscribeOn moves the source: which one offloads a read")
	@GetMapping("/scheduler-hop")
	Mono<Report<SchedulerHopResult>> schedulerHop(@ParameterObject LabRequest request) {
		return this.schedulerHop.run(request);
	}

	@Operation(summary = "A timeout cancels the work: doOnError does not run for it, doFinally and doOnCancel do")
	@GetMapping("/cancel-cleanup")
	Mono<Report<CancelCleanupResult>> cancelCleanup(@ParameterObject LabRequest request) {
		return this.cancelCleanup.run(request);
	}

	@Operation(summary = "A ThreadLocal (the MDC) is gone after Mono.delay; the Reactor Context crosses the hop")
	@GetMapping("/context-hop")
	Mono<Report<ContextHopResult>> contextHop(@ParameterObject LabRequest request) {
		return this.contextHop.run(request);
	}

	@Operation(summary = "A producer that pushes everything fills an unbounded buffer; one that emits on request waits")
	@GetMapping("/backpressure")
	Mono<Report<BackpressureResult>> backpressure(@ParameterObject LabRequest request) {
		return this.backpressure.run(request);
	}

	@Operation(summary = "onErrorContinue drops a failed item before its own onErrorResume can give it a fallback")
	@GetMapping("/error-continue")
	Mono<Report<ErrorContinueResult>> errorContinue(@ParameterObject LabRequest request) {
		return this.errorContinue.run(request);
	}

	@Operation(summary = "subscribe() with no error handler: the caller hears ok and the error goes to onErrorDropped")
	@GetMapping("/lost-error")
	Mono<Report<LostErrorResult>> lostError(@ParameterObject LabRequest request) {
		return this.lostError.run(request);
	}

}
