package dev.asynciolearn.collections;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.asynciolearn.collections.GatherResult.FailureCompared;
import dev.asynciolearn.collections.GatherResult.GatherRaised;
import dev.asynciolearn.collections.GatherResult.Gathered;
import dev.asynciolearn.collections.GatherResult.ZipRaised;
import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code await asyncio.gather(*jobs)} is {@code Mono.zip(jobs, combinator)}: all run at
 * once, the results come back in submission order whatever the completion order, and the
 * whole takes as long as the longest job.
 * <p>
 * The difference that matters is on failure: {@code gather} propagates the first
 * exception and lets the other jobs run on, while {@code Mono.zip} cancels them. With
 * {@code failAt}, this demo runs both side by side: plain {@code Mono.zip}, and a
 * faithful {@code gather} built from tasks started at once ({@code toFuture()}, like
 * {@code create_task}) and awaited without cancelling them.
 * {@code return_exceptions=True} is each job's error turned into a value
 * ({@code onErrorResume}) before the zip.
 */
@Service
class GatherService {

	static final Concept GATHER = new Concept("gather: run jobs together, results in submission order",
			"results = await asyncio.gather(*[job(i, d) for i in range(n)], return_exceptions=False)",
			"Mono.zip(jobs, (results) -> List.of(results))  // or per job .onErrorResume(...) for return_exceptions");

	Mono<Report<GatherResult>> gather(GatherRequest request) {
		return Timeline.mono(GATHER, (timeline) -> {
			Integer failAt = request.failAt();
			if (failAt != null && !request.returnExceptions()) {
				return Mono
					.zip(monoZip(new Jobs(timeline, "zip/", request.count(), request.delayMs(), failAt), timeline),
							asyncioGather(new Jobs(timeline, "gather/", request.count(), request.delayMs(), failAt),
									timeline))
					.map((both) -> new FailureCompared(failAt, both.getT1(), both.getT2()));
			}
			Jobs jobs = new Jobs(timeline, "", request.count(), request.delayMs(), failAt);
			List<Mono<Object>> settled = jobs.all()
				.stream()
				.map((job) -> job.<Object>map((value) -> value).onErrorResume((error) -> Mono.just(error.toString())))
				.toList();
			return zip(settled)
				.map((results) -> new Gathered(results, jobs.completionOrder(), jobs.longestMs(), jobs.sumMs()));
		});
	}

	/** Plain {@code Mono.zip}: the first error cancels the other jobs. */
	private static Mono<ZipRaised> monoZip(Jobs jobs, Timeline timeline) {
		return zip(jobs.all()).then(Mono.<ZipRaised>empty())
			.onErrorResume((error) -> Mono
				.fromSupplier(() -> new ZipRaised(error.toString(), timeline.elapsedMs(), jobs.outcomes())));
	}

	/**
	 * A faithful {@code gather}: the jobs are tasks, started now; awaiting them
	 * propagates the first error without cancelling anyone, and the report waits until
	 * the others have finished on their own.
	 */
	private static Mono<GatherRaised> asyncioGather(Jobs jobs, Timeline timeline) {
		List<CompletableFuture<Integer>> tasks = jobs.all().stream().map(Mono::toFuture).toList();
		List<Mono<Integer>> awaited = tasks.stream().map((task) -> Mono.fromFuture(task, true)).toList();
		// Each task's end, however it ended: allOf over the tasks themselves fails with a
		// wrapped CancellationException once a hang-up cancels them, which Reactor then
		// reports as a dropped error.
		Mono<Void> allFinished = Mono.fromFuture(CompletableFuture
			.allOf(tasks.stream().map((task) -> task.handle((value, error) -> null)).toArray(CompletableFuture[]::new)),
				true);
		return zip(awaited).then(Mono.<GatherRaised>empty()).onErrorResume((error) -> {
			String raised = error.toString();
			double raisedAtMs = timeline.elapsedMs();
			return allFinished.then(Mono.fromSupplier(() -> new GatherRaised(raised, raisedAtMs,
					tasks.stream().map(CompletableFuture::isCancelled).toList(), jobs.outcomes())));
		}).doOnCancel(() -> tasks.forEach((task) -> task.cancel(true)));
	}

	private static Mono<List<Object>> zip(List<? extends Mono<?>> jobs) {
		return Mono.zip(jobs, Arrays::asList);
	}

}
