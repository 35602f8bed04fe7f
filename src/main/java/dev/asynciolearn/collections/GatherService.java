package dev.asynciolearn.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.timeline.TimelineEvent;
import org.jspecify.annotations.Nullable;
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

	Mono<Report> gather(int count, long delayMs, @Nullable Integer failAt, boolean returnExceptions) {
		return Timeline.mono(GATHER, (timeline) -> {
			List<Duration> delays = Jobs.delays(count, delayMs);
			if (failAt == null) {
				return zip(jobs(timeline, "", delays, null))
					.map((results) -> timeline.report(result(timeline, "", results, delays)));
			}
			if (returnExceptions) {
				List<Mono<Object>> settled = jobs(timeline, "", delays, failAt).stream()
					.map((job) -> job.<Object>map((value) -> value)
						.onErrorResume((error) -> Mono.just(error.toString())))
					.toList();
				return zip(settled).map((results) -> timeline.report(result(timeline, "", results, delays)));
			}
			return Mono.zip(monoZip(timeline, delays, failAt), asyncioGather(timeline, delays, failAt))
				.map((both) -> timeline
					.report(Map.of("failAt", failAt, "monoZip", both.getT1(), "asyncioGather", both.getT2())));
		});
	}

	/** Plain {@code Mono.zip}: the first error cancels the other jobs. */
	private Mono<Map<String, Object>> monoZip(Timeline timeline, List<Duration> delays, int failAt) {
		return zip(jobs(timeline, "zip/", delays, failAt)).map((results) -> Map.<String, Object>of("results", results))
			.onErrorResume((error) -> Mono.fromSupplier(() -> {
				Map<String, Object> outcome = new LinkedHashMap<>();
				outcome.put("raised", error.toString());
				outcome.put("raisedAtMs", timeline.elapsedMs());
				outcome.put("others", outcomes(timeline, "zip/", delays.size()));
				return outcome;
			}));
	}

	/**
	 * A faithful {@code gather}: the jobs are tasks, started now; awaiting them
	 * propagates the first error without cancelling anyone, and the report waits until
	 * the others have finished on their own.
	 */
	private Mono<Map<String, Object>> asyncioGather(Timeline timeline, List<Duration> delays, int failAt) {
		List<CompletableFuture<Integer>> tasks = jobs(timeline, "gather/", delays, failAt).stream()
			.map(Mono::toFuture)
			.toList();
		List<Mono<Integer>> awaited = tasks.stream().map((task) -> Mono.fromFuture(task, true)).toList();
		Mono<Void> allFinished = Mono.fromFuture(CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)), true)
			.onErrorComplete();
		return zip(awaited).map((results) -> Map.<String, Object>of("results", results)).onErrorResume((error) -> {
			Map<String, Object> outcome = new LinkedHashMap<>();
			outcome.put("raised", error.toString());
			outcome.put("raisedAtMs", timeline.elapsedMs());
			return allFinished.then(Mono.fromSupplier(() -> {
				outcome.put("othersCancelledOnError", tasks.stream().map(CompletableFuture::isCancelled).toList());
				outcome.put("othersFinishAnyway", outcomes(timeline, "gather/", delays.size()));
				return outcome;
			}));
		}).doOnCancel(() -> tasks.forEach((task) -> task.cancel(true)));
	}

	private static List<Mono<Integer>> jobs(Timeline timeline, String prefix, List<Duration> delays,
			@Nullable Integer failAt) {
		List<Mono<Integer>> jobs = new ArrayList<>();
		for (int i = 0; i < delays.size(); i++) {
			jobs.add(Jobs.job(timeline, prefix, i, delays.get(i), failAt != null && failAt == i));
		}
		return jobs;
	}

	private static Mono<List<Object>> zip(List<? extends Mono<?>> jobs) {
		return Mono.zip(jobs, Arrays::asList);
	}

	private static Map<String, Object> result(Timeline timeline, String prefix, List<Object> results,
			List<Duration> delays) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("results", results);
		result.put("completionOrder", completionOrder(timeline, prefix));
		result.put("longestJobMs", delays.stream().mapToLong(Duration::toMillis).max().orElse(0));
		result.put("sumOfJobsMs", delays.stream().mapToLong(Duration::toMillis).sum());
		return result;
	}

	private static List<Integer> completionOrder(Timeline timeline, String prefix) {
		return timeline.events()
			.stream()
			.filter((event) -> event.task().startsWith(prefix + "job-")
					&& (event.event().equals("done") || event.event().equals("error")))
			.map((event) -> Integer.valueOf(event.task().substring((prefix + "job-").length())))
			.toList();
	}

	/** How each job ended: its value, its error, or "cancelled", from the timeline. */
	private static List<Object> outcomes(Timeline timeline, String prefix, int count) {
		List<TimelineEvent> events = timeline.events();
		List<Object> outcomes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String task = prefix + "job-" + i;
			String end = events.stream()
				.filter((event) -> event.task().equals(task) && !event.event().equals("start"))
				.map(TimelineEvent::event)
				.reduce((a, b) -> b)
				.orElse("pending");
			outcomes.add(switch (end) {
				case "done" -> i;
				case "error" -> new Jobs.JobFailure(i).toString();
				default -> end;
			});
		}
		return outcomes;
	}

}
