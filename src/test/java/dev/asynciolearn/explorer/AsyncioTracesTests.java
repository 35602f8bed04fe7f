package dev.asynciolearn.explorer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.asynciolearn.timeline.Event;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The asyncio traces the explorer shows beside the Reactor timelines
 * ({@code asyncio-traces.json}, written by {@code traces/asyncio_traces.py}): one for
 * each concept of the catalog that names a seed example, in the timeline's vocabulary,
 * what the script gives when it runs again, and showing what asyncio really does.
 */
class AsyncioTracesTests {

	private static final Path TRACES = Path.of("src/main/resources/static/asyncio-traces.json");

	private static final Path CATALOG = Path.of("src/main/resources/static/concepts.json");

	private static final Path SCRIPT = Path.of("traces/asyncio_traces.py");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyConceptWithAnExampleHasATraceOfThatExampleAndNoOtherConceptHasOne() {
		Map<String, String> examples = json.readValue(CATALOG.toFile(), new TypeReference<List<Chapter>>() {
		})
			.stream()
			.flatMap((chapter) -> chapter.concepts().stream())
			.filter((concept) -> concept.example() != null)
			.collect(Collectors.toMap(Concept::id, Concept::example));
		Map<String, String> traced = traces(TRACES).entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().example()));
		assertThat(traced).isNotEmpty().isEqualTo(examples);
	}

	@Test
	void everyEventIsOfTheTimelinesVocabularyOnTheLoopOrAToThreadWorker() {
		Set<String> labels = Arrays.stream(Event.values()).map(Event::label).collect(Collectors.toSet());
		traces(TRACES).forEach((concept, trace) -> assertThat(trace.timeline()).as(concept)
			.isNotEmpty()
			.allSatisfy((step) -> assertThat(step.event()).isIn(labels))
			.allSatisfy((step) -> assertThat(step.thread()).matches("MainThread|asyncio_\\d+")));
	}

	@Test
	void rerunningTheScriptGivesEveryTaskTheSameEvents(@TempDir Path folder) throws Exception {
		assumeTrue(onThePath("python3"), "python3 is not on the PATH: traces/asyncio_traces.py is not rerun");
		Path rerun = folder.resolve("asyncio-traces.json");
		Process script = new ProcessBuilder("python3", SCRIPT.toString(), rerun.toString()).redirectErrorStream(true)
			.start();
		String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(script.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(script.exitValue()).as(output).isZero();
		Map<String, Trace> committed = traces(TRACES);
		Map<String, Trace> fresh = traces(rerun);
		assertThat(fresh).containsOnlyKeys(committed.keySet());
		committed.forEach((concept, trace) -> assertSameEvents(concept, trace, fresh.get(concept)));
	}

	@Test
	void withoutTheLockEveryWorkerReadsBeforeTheFirstWritesAndTheCounterEndsAtOne() {
		Trace lock = trace("lock");
		List<String> events = lock.timeline().stream().map(Step::event).toList();
		assertThat(lock.result().get("final").asInt()).isEqualTo(1);
		assertThat(details(lock, "read")).hasSize(lock.parameters().get("workers").asInt()).containsOnly("0");
		assertThat(events.lastIndexOf("read")).isLessThan(events.indexOf("write"));
	}

	@Test
	void twoTasksTakeTurnsOnTheLoopThread() {
		Trace interleave = trace("interleave");
		assertThat(interleave.timeline()).extracting((step) -> step.task() + ":" + step.detail())
			.containsExactly("a:0", "b:0", "a:1", "b:1", "a:2", "b:2");
		assertThat(interleave.timeline()).extracting(Step::thread).containsOnly("MainThread");
	}

	@Test
	void gatherTakesAsLongAsTheLongestJobNotTheSum() {
		Trace gather = trace("gather");
		double longest = gather.parameters().get("delayMs").asDouble();
		assertThat(gather.elapsedMs()).isCloseTo(longest, within(longest / 4));
		assertThat(gather.timeline()).filteredOn((step) -> step.event().equals("done"))
			.extracting(Step::task)
			.containsExactly("job-1", "job-2", "job-0");
	}

	@Test
	void theFileIsReadOnAToThreadWorkerAndAllElseRunsOnTheLoop() {
		Trace file = trace("file");
		Predicate<Step> read = (step) -> step.task().equals("read") && !step.event().equals("hop");
		assertThat(file.timeline()).filteredOn(read).extracting(Step::event).containsExactly("start", "done");
		assertThat(file.timeline()).allSatisfy((step) -> assertThat(step.thread()).as(step.task() + ": " + step.event())
			.matches(read.test(step) ? "asyncio_\\d+" : "MainThread"));
	}

	@Test
	void aFifoQueueGivesTheItemsInTheOrderTheyWentIn() {
		Trace queue = trace("queue");
		assertThat(queue.parameters().get("kind").asString()).isEqualTo("FIFO");
		assertThat(details(queue, "put")).containsExactly("3", "1", "2", "4");
		assertThat(details(queue, "get")).isEqualTo(details(queue, "put"));
	}

	private static Map<String, Trace> traces(Path file) {
		return json.readValue(file.toFile(), Traces.class).traces();
	}

	private static Trace trace(String concept) {
		Trace trace = traces(TRACES).get(concept);
		assertThat(trace).as("the trace of " + concept).isNotNull();
		return trace;
	}

	/**
	 * The same tasks, each with the same events and details in the same order; times and
	 * threads may differ. The long task's ticker ticks until the job ends, and its last
	 * tick races with the job's end (10 or 11 ticks, in Reactor too): on a busy machine a
	 * rerun may count one tick more or fewer.
	 */
	private static void assertSameEvents(String concept, Trace committed, Trace rerun) {
		Map<String, List<String>> expected = eventsByTask(committed);
		Map<String, List<String>> actual = eventsByTask(rerun);
		assertThat(actual.keySet()).as(concept).containsExactlyInAnyOrderElementsOf(expected.keySet());
		expected.forEach((task, events) -> {
			if (task.equals("ticker")) {
				assertThat(actual.get(task)).as(task)
					.containsOnly("tick null")
					.hasSizeBetween(events.size() - 1, events.size() + 1);
			}
			else {
				assertThat(actual.get(task)).as(concept + ", " + task).isEqualTo(events);
			}
		});
	}

	/** Each task's events, {@code event detail}, in order; no times, no threads. */
	private static Map<String, List<String>> eventsByTask(Trace trace) {
		return trace.timeline()
			.stream()
			.collect(Collectors.groupingBy(Step::task, LinkedHashMap::new,
					Collectors.mapping((step) -> step.event() + " " + step.detail(), Collectors.toList())));
	}

	/** The details of every {@code event}, in order; done events have none. */
	private static List<String> details(Trace trace, String event) {
		return trace.timeline()
			.stream()
			.filter((step) -> step.event().equals(event) && step.detail() != null)
			.map(Step::detail)
			.toList();
	}

	private static boolean onThePath(String command) {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch((folder) -> Files.isExecutable(Path.of(folder, command)));
	}

	record Traces(String python, String script, Map<String, Trace> traces) {
	}

	record Trace(String example, JsonNode parameters, double elapsedMs, JsonNode result, List<Step> timeline) {
	}

	record Step(double atMs, String task, String event, @Nullable String detail, String thread) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Chapter(List<Concept> concepts) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Concept(String id, @Nullable String example) {
	}

}
