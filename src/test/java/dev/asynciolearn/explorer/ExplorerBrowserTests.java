package dev.asynciolearn.explorer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The explorer in a real headless Chromium: run demos from the page and check that what
 * it draws matches the JSON the API answered. Skipped when no Chromium is installed
 * ({@code apt-get install chromium chromium-driver}).
 */
@IntegrationTest
class ExplorerBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startChromium() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"No Chromium at /usr/bin/chromium with /usr/bin/chromedriver: the browser test is skipped "
						+ "(apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
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

	@Test
	void gatherDrawsOneRowPerJobWithTheJsonsThreads() throws IOException {
		Report report = runFromPage("gather", Map.of("count", "3", "delayMs", "300"));
		assertDrawingMatches(report);
		assertThat(rows()).containsExactly("job-0", "job-1", "job-2");
		screenshot("gather");
	}

	@Test
	void theOffloadedReadIsDrawnOnBoundedElastic() throws IOException {
		Report report = runFromPage("file", Map.of("name", "1MiB.bin", "latencyMs", "50"));
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
		Report report = runFromPage("db-semaphore", Map.of("callers", "20", "permits", "5", "queryMs", "50"));
		assertDrawingMatches(report);
		assertThat(rows()).hasSize(20).allMatch((task) -> task.startsWith("worker-"));
		screenshot("db-semaphore");
	}

	@Test
	void aStreamIsDrawnAsItsItemsArrive() {
		open("iterator");
		fill(Map.of("count", "4", "delayMs", "150"));
		browser.findElement(By.id("run")).click();
		waitFor(() -> marks("stream") >= 1);
		assertThat(marks("stream")).as("drawn before the stream ends").isLessThan(4);
		waitFor(() -> marks("stream") == 4);
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

	private Report runFromPage(String concept, Map<String, String> values) throws IOException {
		open(concept);
		fill(values);
		browser.findElement(By.id("run")).click();
		waitFor(() -> browser.findElement(By.id("status")).getText().startsWith("Done"));
		String raw = browser.findElement(By.id("raw")).getDomProperty("textContent");
		return json.readValue(raw, Report.class);
	}

	private void open(String concept) {
		// A new document per test, loaded once. A reload right after get() cut off
		// the page's first requests in flight; once the reloaded page then did not
		// render in 20 s (its catalog request never reached the server).
		browser.get("about:blank");
		browser.get("http://localhost:" + this.port + "/#" + concept);
		waitFor(() -> !browser.findElements(By.id("run")).isEmpty() && browser.findElement(By.id("run")).isDisplayed()
				&& !browser.findElements(By.cssSelector("#fields .field")).isEmpty()
				|| browser.findElements(By.cssSelector("#fields")).size() == 1
						&& browser.findElement(By.id("concept-title")).getText().length() > 0);
	}

	private static void fill(Map<String, String> values) {
		values.forEach((name, value) -> {
			WebElement input = browser.findElement(By.id("field-" + name));
			input.clear();
			input.sendKeys(value);
		});
	}

	/** Rows in drawing order, bars in event order, each bar with its event's thread. */
	private static void assertDrawingMatches(Report report) {
		Map<String, List<TimelineEvent>> byTask = new LinkedHashMap<>();
		report.timeline().forEach((event) -> byTask.computeIfAbsent(event.task(), (t) -> new ArrayList<>()).add(event));
		assertThat(rows()).containsExactlyElementsOf(byTask.keySet());
		for (Map.Entry<String, List<TimelineEvent>> task : byTask.entrySet()) {
			List<WebElement> bars = browser
				.findElements(By.cssSelector("#timeline g.row[data-task='" + task.getKey() + "'] rect.bar"));
			assertThat(bars).extracting((bar) -> bar.getDomAttribute("data-thread"))
				.as("threads of %s", task.getKey())
				.containsExactlyElementsOf(task.getValue().stream().map(TimelineEvent::thread).toList());
			assertThat(bars).extracting((bar) -> bar.getDomAttribute("data-event"))
				.containsExactlyElementsOf(task.getValue().stream().map(TimelineEvent::event).toList());
		}
	}

	private static List<String> rows() {
		return browser.findElements(By.cssSelector("#timeline g.row"))
			.stream()
			.map((row) -> row.getDomAttribute("data-task"))
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

}
