package dev.asynciolearn.explorer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.system.ApiDocs;
import dev.asynciolearn.system.BlockingCalls;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The explorer in a real headless Chromium: run demos from the page and check that what
 * it draws matches the JSON the API answered: one row per task, a bar per event with its
 * thread, its event and its detail, coloured by the thread's family, and faint where the
 * task holds no thread (after the waiting events the API description lists). Skipped when
 * no Chromium is installed ({@code apt-get install chromium chromium-driver}).
 */
@IntegrationTest
class ExplorerBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern TO_THREAD_WORKER = Pattern.compile("asyncio_\\d+");

	private static WebDriver browser;

	/**
	 * Whether the page in the browser had its fetch replaced, and must be loaded anew.
	 */
	private static boolean fetchReplaced;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@BeforeAll
	static void startChromium() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"No Chromium at /usr/bin/chromium with /usr/bin/chromedriver: the browser test is skipped "
						+ "(apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1300",
				"--user-data-dir=" + Files.createTempDirectory("explorer-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	/**
	 * Every concept runs on its first click with the values the page fills in; the
	 * Reactor drawing matches the report, and the asyncio drawing above it matches the
	 * trace, on the same time axis.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("concepts")
	void everyConceptRunsOnItsDefaultsWithBothDrawingsMatchingTheirJson(String concept) throws IOException {
		open(concept);
		Runnable run = () -> {
			browser.findElement(By.id("run")).click();
			waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("Done"));
		};
		if (concept.equals("file-blocking")) {
			// The anti-pattern blocks the event loop on purpose.
			BlockingCalls.tolerating(() -> {
				run.run();
				return null;
			});
		}
		else {
			run.run();
		}
		String raw = browser.findElement(By.id("raw")).getDomProperty("textContent");
		if (streamed(concept) && !concept.equals("long-task")) {
			assertThat(bars("timeline")).as("a mark per streamed item").hasSize((int) raw.lines().count());
		}
		else if (raw.startsWith("{") && json.readTree(raw).has("timeline")) {
			assertDrawingMatches("timeline", json.readValue(raw, new TypeReference<Report<Object>>() {
			}).timeline());
		}
		else {
			assertThat(bars("timeline")).as("nothing to draw").isEmpty();
		}
		String twin = browser.findElement(By.id("vthreads-raw")).getDomProperty("textContent");
		if (!twin.isEmpty() && streamed(concept) && !concept.equals("long-task")) {
			assertThat(bars("vthreads-timeline")).as("a mark per streamed item of the twin")
				.hasSize((int) twin.lines().count());
			assertThat(axisOf("vthreads-timeline")).as("one time axis for the twin too").isEqualTo(axisOf("timeline"));
		}
		else if (!twin.isEmpty()) {
			assertDrawingMatches("vthreads-timeline", json.readValue(twin, new TypeReference<Report<Object>>() {
			}).timeline());
			assertThat(axisOf("vthreads-timeline")).as("one time axis for the twin too").isEqualTo(axisOf("timeline"));
		}
		else {
			assertThat(browser.findElement(By.id("vthreads-run")).isDisplayed()).isFalse();
		}
		Trace trace = traces().get(concept);
		if (trace != null) {
			assertDrawingMatches("asyncio-timeline", trace.timeline());
			assertThat(axisOf("asyncio-timeline")).as("one time axis for both runs").isEqualTo(axisOf("timeline"));
		}
		else {
			assertThat(browser.findElement(By.id("asyncio-run")).isDisplayed()).isFalse();
		}
		screenshot(concept);
	}

	@Test
	void gatherDrawsOneRowPerJobWithTheJsonsThreads() throws IOException {
		Report<?> report = runFromPage("gather", Map.of("count", "3", "delayMs", "300"));
		assertDrawingMatches(report);
		assertThat(rows()).containsExactly("job-0", "job-1", "job-2");
		screenshot("gather");
	}

	@Test
	void theVirtualThreadTwinRunsTheSameQueryAndIsDrawnBeneathOnTheSameAxis() throws IOException {
		runFromPage("gather", Map.of("count", "3", "delayMs", "300"));
		assertThat(browser.findElement(By.id("vthreads-run")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("code-vthreads")).getText()).contains("invokeAll");
		Report<?> twin = json.readValue(browser.findElement(By.id("vthreads-raw")).getDomProperty("textContent"),
				new TypeReference<Report<Object>>() {
				});
		assertThat(twin.concept()).startsWith("gather on virtual threads");
		assertDrawingMatches("vthreads-timeline", twin.timeline());
		// The jobs start in parallel: their rows come in the order their first events
		// did.
		assertThat(rows("vthreads-timeline")).containsExactlyInAnyOrder("job-0", "job-1", "job-2");
		assertThat(bars("vthreads-timeline")).extracting(Bar::fill).containsOnly("var(--virtual)");
		assertThat(browser.findElement(By.id("vthreads-legend")).getText()).contains("3 threads on");
		assertThat(axisOf("vthreads-timeline")).isEqualTo(axisOf("timeline"));
		screenshot("gather-vthreads");
	}

	/**
	 * With {@code -Pworkbook} the app serves the learner's exercise beside the demo: the
	 * page runs it with the same query and draws it beneath, on the same axis; an
	 * exercise not yet written shows its 501's detail. Here the page's fetch answers the
	 * workbook's route as such an app does (the main build has no workbook), with a real
	 * gather's timeline.
	 */
	@Test
	void withTheWorkbookTheLearnersRunIsDrawnBeneathOrSaysItIsNotDoneYet() throws IOException {
		Report<?> reference = runFromPage("gather", Map.of("count", "3", "delayMs", "300"));
		assertThat(browser.findElement(By.id("workbook-run")).isDisplayed()).as("no workbook in this app").isFalse();
		Report<Object> mine = new Report<>("gather, as you wrote it (workbook)", reference.asyncio(), "yours",
				reference.elapsedMs(), Map.of("result", List.of(0, 1, 2)), reference.timeline(), 0);
		answerWorkbookWith(200, json.writeValueAsString(mine));
		browser.findElement(By.id("run")).click();
		waitFor(() -> browser.findElement(By.id("status")).getText().contains("yours:"));
		assertThat(browser.findElement(By.id("workbook-run")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("workbook-caption")).getText())
			.startsWith("GET /api/workbook/collections/gather: ")
			.contains("result [0,1,2]")
			.endsWith("(your exercise takes no returnExceptions)");
		assertDrawingMatches("workbook-timeline", reference.timeline());
		assertThat(axisOf("workbook-timeline")).isEqualTo(axisOf("timeline"));
		screenshot("gather-workbook");
		answerWorkbookWith(501, "{\"title\": \"Exercise not done yet\", \"detail\": \"not done yet: Gather\"}");
		browser.findElement(By.id("run")).click();
		waitFor(() -> browser.findElement(By.id("workbook-caption")).getText().endsWith("not done yet: Gather"));
		assertThat(bars("workbook-timeline")).isEmpty();
	}

	@Test
	void theOffloadedReadIsDrawnOnBoundedElastic() throws IOException {
		Report<?> report = runFromPage("file", Map.of("name", "1MiB.bin", "latencyMs", "50"));
		assertDrawingMatches(report);
		List<WebElement> readBars = browser.findElements(By.cssSelector("#timeline g.row[data-task='read'] rect.bar"));
		assertThat(readBars).extracting((bar) -> bar.getDomAttribute("data-thread"))
			.filteredOn((thread) -> !thread.contains("-http-") && !thread.startsWith("parallel-"))
			.isNotEmpty()
			.allMatch((thread) -> thread.startsWith("boundedElastic-"));
		assertThat(browser.findElement(By.id("legend")).getText()).contains("boundedElastic");
		screenshot("file");
	}

	@Test
	void theDatabaseSemaphoreIsDrawnWorkerByWorker() throws IOException {
		Report<?> report = runFromPage("db-semaphore", Map.of("callers", "20", "permits", "5", "queryMs", "50"));
		assertDrawingMatches(report);
		assertThat(rows()).hasSize(20).allMatch((task) -> task.startsWith("worker-"));
		assertThat(bars()).filteredOn((bar) -> Event.WAIT.label().equals(bar.event())).hasSize(20).allMatch(Bar::faint);
		screenshot("db-semaphore");
	}

	/**
	 * In the demos a task that waits also changes threads, which alone draws it faint; a
	 * report in which every event is followed, on the same event loop, by another shows
	 * that the page draws faint exactly after the events the API description lists.
	 */
	@Test
	void theBarsAfterTheWaitingEventsTheApiListsAreFaint() {
		String loop = "reactor-http-nio-1";
		List<TimelineEvent> events = new ArrayList<>();
		for (Event event : Event.values()) {
			String task = "after-" + event.label();
			double at = event.ordinal();
			events.add(new TimelineEvent(at, task, event, (event == Event.STEP) ? "1" : null, loop));
			events.add(new TimelineEvent(at + 0.5, task, Event.DONE, null, loop));
		}
		Report<?> report = new Report<>("vocabulary", "asyncio", "reactor", Event.values().length, null, events, 0);
		open("gather");
		answerRunsWith(json.writeValueAsString(report));
		browser.findElement(By.id("run")).click();
		waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("Done"));
		assertDrawingMatches(report);
		Map<String, Bar> firstBars = new LinkedHashMap<>();
		bars().forEach((bar) -> firstBars.putIfAbsent(bar.task(), bar));
		assertThat(firstBars.values()).hasSize(Event.values().length)
			.filteredOn(Bar::faint)
			.extracting(Bar::event)
			.containsExactlyInAnyOrderElementsOf(waitingEvents());
	}

	@Test
	void eachBarCarriesItsEventsDetail() throws IOException {
		Report<?> report = runFromPage("lock", Map.of("workers", "5"));
		assertDrawingMatches(report);
		assertThat(bars()).filteredOn((bar) -> Event.READ.label().equals(bar.event()))
			.hasSize(5)
			.allSatisfy((bar) -> assertThat(bar.detail()).isNotNull()
				.satisfies((detail) -> assertThat(bar.title()).startsWith(bar.task() + ": read " + detail + " at ")));
	}

	@Test
	void theTickerOfALongTaskStreamsThenTheReportIsDrawn() throws IOException {
		open("long-task");
		fill(Map.of("workMs", "1500", "tickMs", "100"));
		browser.findElement(By.id("run")).click();
		waitFor(() -> marks("ticker") >= 1);
		assertThat(bars()).filteredOn((bar) -> bar.task().equals("ticker"))
			.allSatisfy((bar) -> assertThat(bar.event()).isEqualTo(Event.TICK.label()))
			.allSatisfy((bar) -> assertThat(bar.detail()).matches("\\d+"));
		waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("Done"));
		Report<?> report = json.readValue(browser.findElement(By.id("raw")).getDomProperty("textContent"),
				new TypeReference<Report<Object>>() {
				});
		assertDrawingMatches(report);
	}

	@Test
	void aStreamIsDrawnAsItsItemsArrive() {
		open("iterator");
		fill(Map.of("count", "4", "delayMs", "150"));
		browser.findElement(By.id("run")).click();
		waitFor(() -> marks("async for") >= 1);
		assertThat(marks("async for")).as("drawn before the stream ends").isLessThan(4);
		waitFor(() -> marks("async for") == 4);
		assertThat(browser.findElement(By.id("raw")).getDomProperty("textContent").lines()).hasSize(4);
	}

	@Test
	void aProblemIsShownNextToTheFieldItNames() {
		open("gather");
		fill(Map.of("count", "0"));
		browser.findElement(By.id("run")).click();
		waitFor(() -> !browser.findElement(By.id("field-count-error")).getText().isEmpty());
		assertThat(browser.findElement(By.id("field-count-error")).getText()).contains("between 1 and 50");
		assertThat(browser.findElement(By.id("field-count")).getDomAttribute("aria-invalid")).isEqualTo("true");
	}

	static List<String> concepts() throws IOException {
		return catalog().stream().map((concept) -> concept.get("id").asString()).toList();
	}

	private static boolean streamed(String concept) throws IOException {
		return catalog().stream().anyMatch((c) -> c.get("id").asString().equals(concept) && c.has("stream"));
	}

	private static List<JsonNode> catalog() throws IOException {
		try (InputStream in = new ClassPathResource("static/concepts.json").getInputStream()) {
			return json.readTree(in).findValues("concepts").stream().flatMap((list) -> list.valueStream()).toList();
		}
	}

	private static Map<String, Trace> traces() throws IOException {
		try (InputStream in = new ClassPathResource("static/asyncio-traces.json").getInputStream()) {
			return json.readValue(json.readTree(in).get("traces").toString(), new TypeReference<>() {
			});
		}
	}

	/** The time axis' last instant, as the drawing states it. */
	private static String axisOf(String timeline) {
		return browser.findElement(By.cssSelector("#" + timeline + " svg"))
			.getDomAttribute("aria-label")
			.replaceAll(".* over ", "");
	}

	private Report<?> runFromPage(String concept, Map<String, String> values) throws IOException {
		open(concept);
		fill(values);
		browser.findElement(By.id("run")).click();
		waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("Done"));
		String raw = browser.findElement(By.id("raw")).getDomProperty("textContent");
		return json.readValue(raw, new TypeReference<Report<Object>>() {
		});
	}

	/**
	 * The page's requests to {@code /api/workbook/} from now on answer {@code status} and
	 * {@code body}; the others reach the app.
	 */
	private static void answerWorkbookWith(int status, String body) {
		fetchReplaced = true;
		((JavascriptExecutor) browser).executeScript("""
				const status = arguments[0], body = arguments[1];
				const fetch = window.appFetch || window.fetch;
				window.appFetch = fetch;
				window.fetch = (url, init) => String(url).startsWith("/api/workbook/")
					? Promise.resolve(new Response(body, { status, headers: { "Content-Type": "application/json" } }))
					: fetch(url, init);
				""", status, body);
	}

	/** Every request the page makes to {@code /api/} from now on answers {@code body}. */
	private static void answerRunsWith(String body) {
		fetchReplaced = true;
		((JavascriptExecutor) browser).executeScript("""
				const body = arguments[0];
				const fetch = window.fetch;
				window.fetch = (url, init) => String(url).startsWith("/api/")
					? Promise.resolve(new Response(body, { headers: { "Content-Type": "application/json" } }))
					: fetch(url, init);
				""", body);
	}

	/**
	 * Shows {@code concept} as a learner would: through the navigation (the hash) of the
	 * page already loaded, which stops what ran before; a new document only for the first
	 * test, after one that replaced the page's fetch, or for the concept already shown.
	 */
	private void open(String concept) {
		String page = "http://localhost:" + this.port + "/";
		String current = browser.getCurrentUrl();
		if (!fetchReplaced && current != null && current.startsWith(page + "#")
				&& !current.equals(page + "#" + concept)) {
			((JavascriptExecutor) browser).executeScript("location.hash = arguments[0]", concept);
		}
		else {
			// A reload right after get() cut off the page's first requests in flight;
			// once the reloaded page then did not render in 20 s (its catalog request
			// never reached the server). Hence about:blank first.
			browser.get("about:blank");
			browser.get(page + "#" + concept);
			fetchReplaced = false;
		}
		waitFor(() -> !browser.findElements(By.cssSelector("#fields[data-ready='" + concept + "']")).isEmpty());
	}

	private static void fill(Map<String, String> values) {
		values.forEach((name, value) -> {
			WebElement input = browser.findElement(By.id("field-" + name));
			if (input.getTagName().equals("select")) {
				new Select(input).selectByValue(value);
			}
			else {
				input.clear();
				input.sendKeys(value);
			}
		});
	}

	/**
	 * Rows in drawing order, bars in event order, each bar with its event's thread, event
	 * and detail, the colour of the thread's family, and faint exactly where the task
	 * holds no thread.
	 */
	private void assertDrawingMatches(Report<?> report) {
		assertDrawingMatches("timeline", report.timeline());
	}

	private void assertDrawingMatches(String timeline, List<TimelineEvent> timelineEvents) {
		Set<String> waiting = waitingEvents();
		Map<String, List<TimelineEvent>> byTask = new LinkedHashMap<>();
		timelineEvents.forEach((event) -> byTask.computeIfAbsent(event.task(), (t) -> new ArrayList<>()).add(event));
		assertThat(rows(timeline)).containsExactlyElementsOf(byTask.keySet());
		Map<String, List<Bar>> drawn = new LinkedHashMap<>();
		bars(timeline).forEach((bar) -> drawn.computeIfAbsent(bar.task(), (t) -> new ArrayList<>()).add(bar));
		for (Map.Entry<String, List<TimelineEvent>> task : byTask.entrySet()) {
			List<TimelineEvent> events = task.getValue();
			List<Bar> bars = drawn.getOrDefault(task.getKey(), List.of());
			assertThat(bars).as("bars of %s", task.getKey()).hasSameSizeAs(events);
			for (int i = 0; i < events.size(); i++) {
				TimelineEvent event = events.get(i);
				TimelineEvent next = (i + 1 < events.size()) ? events.get(i + 1) : null;
				boolean faint = !holdsThread(event, next, waiting);
				Bar bar = bars.get(i);
				assertThat(bar.thread()).as("thread of %s", event.step()).isEqualTo(event.thread());
				assertThat(bar.event()).as("event of %s", event.step()).isEqualTo(event.event().label());
				assertThat(bar.detail()).as("detail of %s", event.step()).isEqualTo(event.detail());
				assertThat(bar.fill()).as("colour of %s", event.step()).isEqualTo(colourOf(event));
				assertThat(bar.faint()).as("faint bar of %s", event.step()).isEqualTo(faint);
				assertThat(bar.title()).as("tooltip of %s", event.step())
					.startsWith(event.step() + " at ")
					.endsWith(" ms on " + event.thread() + ((event.carrier() != null) ? " via " + event.carrier() : "")
							+ (faint ? " (waiting)" : ""));
			}
		}
	}

	/**
	 * Whether a task holds a thread from one event to its next: not after a waiting
	 * event, only on the same thread, and then on a boundedElastic worker or an event
	 * loop (the blocking work), or for less than a millisecond.
	 */
	private static boolean holdsThread(TimelineEvent event, @Nullable TimelineEvent next, Set<String> waiting) {
		if (next == null || waiting.contains(event.event().label()) || !event.thread().equals(next.thread())) {
			return false;
		}
		return event.thread().contains("-http-") || event.thread().startsWith("boundedElastic-")
				|| TO_THREAD_WORKER.matcher(event.thread()).matches() || next.atMs() - event.atMs() < 1;
	}

	private static String colourOf(TimelineEvent event) {
		if (event.carrier() != null) {
			return "var(--virtual)";
		}
		String thread = event.thread();
		if (thread.contains("-http-")) {
			return "var(--loop)";
		}
		if (thread.startsWith("parallel-")) {
			return "var(--parallel)";
		}
		if (thread.startsWith("boundedElastic-")) {
			return "var(--elastic)";
		}
		if (thread.startsWith("single-")) {
			return "var(--single)";
		}
		if (thread.equals("MainThread")) {
			return "var(--asyncio)";
		}
		if (TO_THREAD_WORKER.matcher(thread).matches()) {
			return "var(--elastic)";
		}
		return thread.contains("-tcp-") ? "var(--tcp)" : "var(--other)";
	}

	/**
	 * The events after which a task holds no thread, as the API description lists them.
	 */
	@SuppressWarnings("unchecked")
	private Set<String> waitingEvents() {
		List<String> waiting = ApiDocs.at(ApiDocs.fetch(this.client), "components", "schemas", "TimelineEvent",
				"properties", "event", "x-waiting");
		assertThat(waiting).as("x-waiting of TimelineEvent.event").isNotEmpty();
		return Set.copyOf(waiting);
	}

	private static List<String> rows() {
		return rows("timeline");
	}

	private static List<String> rows(String timeline) {
		return browser.findElements(By.cssSelector("#" + timeline + " g.row"))
			.stream()
			.map((row) -> row.getDomAttribute("data-task"))
			.toList();
	}

	/**
	 * Every bar drawn, in drawing order, read in one script rather than element by
	 * element.
	 */
	private static List<Bar> bars() {
		return bars("timeline");
	}

	@SuppressWarnings("unchecked")
	private static List<Bar> bars(String timeline) {
		List<Map<String, Object>> bars = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll("#" + arguments[0] + " g.row rect.bar"), (bar) => ({
					task: bar.parentNode.getAttribute("data-task"),
					thread: bar.getAttribute("data-thread"),
					event: bar.getAttribute("data-event"),
					detail: bar.getAttribute("data-detail"),
					fill: bar.getAttribute("fill"),
					opacity: bar.getAttribute("fill-opacity"),
					title: bar.querySelector("title").textContent,
				}));
				""", timeline);
		return bars.stream()
			.map((bar) -> new Bar((String) bar.get("task"), (String) bar.get("thread"), (String) bar.get("event"),
					(String) bar.get("detail"), (String) bar.get("fill"), "0.3".equals(bar.get("opacity")),
					(String) bar.get("title")))
			.toList();
	}

	private static int marks(String task) {
		return browser.findElements(By.cssSelector("#timeline g.row[data-task='" + task + "'] rect.bar")).size();
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((driver) -> condition.getAsBoolean());
	}

	private static void screenshot(String name) throws IOException {
		File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "explorer-" + name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * An asyncio example run for real ({@code traces/asyncio_traces.py}).
	 *
	 * @param example the seed's example it mirrors
	 * @param parameters the endpoint's defaults it ran with
	 * @param elapsedMs how long it took
	 * @param result what it gave
	 * @param timeline what ran when, on which thread
	 */
	private record Trace(String example, Map<String, Object> parameters, double elapsedMs, @Nullable Object result,
			List<TimelineEvent> timeline) {
	}

	/**
	 * A bar as drawn.
	 *
	 * @param task its row
	 * @param thread {@code data-thread}
	 * @param event {@code data-event}
	 * @param detail {@code data-detail}, absent without a detail
	 * @param fill its colour
	 * @param faint whether it is drawn faint: the task holds no thread
	 * @param title its tooltip
	 */
	private record Bar(String task, String thread, String event, @Nullable String detail, String fill, boolean faint,
			String title) {
	}

}
