package dev.asynciolearn.workbook;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The workbook grades honestly: every grading test fails on its exercise's stub (with the
 * stub's "not done yet" and the hints) and passes on the reference solution. The grading
 * tests are compiled twice, once against {@code workbook/exercises} and once against
 * {@code workbook/solutions}, and run in a class loader of each.
 * <p>
 * {@code -Dworkbook.only=Gather,WaitFor} checks only those exercises (while writing new
 * ones); the stage ({@code workbook/stage}, what serves the exercises with
 * {@code -Pworkbook}) is compiled with each variant when all are checked.
 */
class WorkbookHonestyTests {

	private static final Path WORKBOOK = Path.of("workbook");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Path BUILT = Path.of("target", "workbook");

	/** Each variant compiled once per run, whichever test asks first. */
	private static final Map<String, ClassLoader> BUILDS = new HashMap<>();

	private static final String PACKAGE = "dev.asynciolearn.workbook.";

	/** As the {@code workbook} profile sets it: a grade that blocks fails, not hangs. */
	private static final String TIMEOUT = "junit.jupiter.execution.timeout.default";

	private static final @Nullable String ONLY = System.getProperty("workbook.only");

	@Test
	void everyExerciseHasAReferenceSolutionAndAGradingTest() throws IOException {
		Assumptions.assumeTrue(ONLY == null, "only some exercises are checked");
		List<String> exercises = names(WORKBOOK.resolve("exercises"));
		assertThat(exercises).isNotEmpty();
		assertThat(names(WORKBOOK.resolve("solutions"))).as("one reference solution per exercise, same class")
			.containsExactlyElementsOf(exercises);
		assertThat(names(WORKBOOK.resolve("grading"))).as("one grading test per exercise")
			.containsExactlyElementsOf(exercises.stream().map((name) -> name + "Exercise").toList());
		String readme = Files.readString(Path.of("README.md"));
		assertThat(exercises).as("each exercise in the README's suggested order")
			.allSatisfy(
					(name) -> assertThat(readme).contains("(workbook/exercises/" + name.replace('.', '/') + ".java)"));
	}

	/**
	 * The explorer names each exercise beside its concept, and the routes it calls for
	 * the learner's run are the ones the stage maps.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theExplorerOffersEveryExerciseAndTheStageServesTheRoutesItCalls() throws Exception {
		Assumptions.assumeTrue(ONLY == null, "only some exercises are checked");
		List<Map<String, Object>> offered = new ArrayList<>();
		try (InputStream in = new ClassPathResource("static/concepts.json").getInputStream()) {
			for (Map<String, Object> chapter : json.readValue(in, new TypeReference<List<Map<String, Object>>>() {
			})) {
				for (Map<String, Object> concept : (List<Map<String, Object>>) chapter.get("concepts")) {
					if (concept.get("workbook") instanceof Map<?, ?> workbook) {
						offered.add((Map<String, Object>) workbook);
					}
				}
			}
		}
		assertThat(offered).extracting((workbook) -> PACKAGE + workbook.get("exercise").toString().replace('/', '.'))
			.as("each exercise offered by one concept")
			.containsExactlyInAnyOrderElementsOf(names(WORKBOOK.resolve("exercises")));
		ClassLoader stage = build("solutions");
		List<String> routes = new ArrayList<>();
		for (String name : names(WORKBOOK.resolve("stage"))) {
			Class<?> controller = Class.forName(name, false, stage);
			String prefix = controller.getAnnotation(RequestMapping.class).value()[0];
			for (Method method : controller.getDeclaredMethods()) {
				GetMapping get = method.getAnnotation(GetMapping.class);
				if (get != null) {
					routes.add(prefix + get.value()[0]);
				}
			}
		}
		assertThat(routes).containsExactlyInAnyOrderElementsOf(offered.stream()
			.map((workbook) -> workbook.get("path"))
			.filter(Objects::nonNull)
			.map(Object::toString)
			.toList());
	}

	@TestFactory
	Stream<DynamicTest> everyGradingTestFailsOnTheStubAndPassesOnTheSolution() throws IOException {
		ClassLoader stubs = build("exercises");
		ClassLoader solutions = build("solutions");
		return checked(names(WORKBOOK.resolve("grading"))).stream()
			.flatMap((grader) -> Stream.of(DynamicTest.dynamicTest(grader + " fails on the stub", () -> {
				TestExecutionSummary summary = grade(stubs, grader);
				assertThat(summary.getTestsStartedCount()).as("tests run").isPositive();
				assertThat(summary.getTestsFailedCount()).as("every test fails on the stub")
					.isEqualTo(summary.getTestsStartedCount());
				assertThat(summary.getFailures()).extracting(Failure::getException)
					.extracting(Throwable::getMessage)
					.allSatisfy((message) -> assertThat(message).contains("not done yet", Hints.PREFIX));
			}), DynamicTest.dynamicTest(grader + " passes on the solution", () -> {
				TestExecutionSummary summary = grade(solutions, grader);
				assertThat(summary.getTestsStartedCount()).as("tests run").isPositive();
				assertThat(summary.getFailures()).as("failures on the reference solution").isEmpty();
				assertThat(summary.getTestsSucceededCount()).isEqualTo(summary.getTestsStartedCount());
			})));
	}

	/**
	 * The grading tests (and the stage, if any) compiled with one variant of the
	 * exercises, once per run.
	 */
	private static ClassLoader build(String variant) throws IOException {
		ClassLoader built = BUILDS.get(variant);
		if (built == null) {
			built = compile(variant);
			BUILDS.put(variant, built);
		}
		return built;
	}

	private static ClassLoader compile(String variant) throws IOException {
		Path output = BUILT.resolve(variant);
		FileSystemUtils.deleteRecursively(output);
		Files.createDirectories(output);
		List<String> options = List.of("-d", output.toString(), "-proc:none", "-parameters", "-encoding", "UTF-8",
				"-classpath", testClassPath());
		List<Path> sources = new ArrayList<>(checkedSources(WORKBOOK.resolve(variant)));
		sources.addAll(checkedSources(WORKBOOK.resolve("grading")));
		if (ONLY == null && Files.isDirectory(WORKBOOK.resolve("stage"))) {
			sources.addAll(sources(WORKBOOK.resolve("stage")));
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		StringWriter messages = new StringWriter();
		try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
			boolean compiled = javac
				.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources))
				.call();
			assertThat(compiled).as("javac " + variant + ":\n" + messages).isTrue();
		}
		return new WorkbookClassLoader(url(output));
	}

	private static TestExecutionSummary grade(ClassLoader loader, String grader) throws ClassNotFoundException {
		Class<?> tests = Class.forName(grader, false, loader);
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(tests))
			.filters(EngineFilter.includeEngines("junit-jupiter"))
			.configurationParameter(TIMEOUT, "10 s")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			LauncherFactory.create().execute(request, listener);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
		return listener.getSummary();
	}

	/** The classes under {@code root}, by their fully qualified names, sorted. */
	private static List<String> names(Path root) throws IOException {
		return sources(root).stream()
			.map((source) -> root.relativize(source).toString().replace(File.separatorChar, '.'))
			.map((name) -> name.substring(0, name.length() - ".java".length()))
			.sorted()
			.toList();
	}

	/** The exercises checked: all, or those {@code -Dworkbook.only} names. */
	private static List<String> checked(List<String> graders) {
		return graders.stream().filter((grader) -> checked(grader.substring(grader.lastIndexOf('.') + 1))).toList();
	}

	private static boolean checked(String simpleName) {
		return ONLY == null || Arrays.stream(ONLY.split(","))
			.map(String::strip)
			.anyMatch((name) -> simpleName.equals(name) || simpleName.equals(name + "Exercise"));
	}

	private static List<Path> checkedSources(Path root) throws IOException {
		return sources(root).stream().filter((source) -> {
			String file = source.getFileName().toString();
			return checked(file.substring(0, file.length() - ".java".length()));
		}).toList();
	}

	private static List<Path> sources(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
	}

	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null) ? surefire : System.getProperty("java.class.path");
	}

	/**
	 * Loads the workbook's classes from what was just compiled, before the test class
	 * path: a build with {@code -Pworkbook} leaves the stubs in {@code target/classes}.
	 */
	private static final class WorkbookClassLoader extends URLClassLoader {

		WorkbookClassLoader(URL compiled) {
			super(new URL[] { compiled }, WorkbookHonestyTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null && name.startsWith(PACKAGE)
						&& findResource(name.replace('.', '/') + ".class") != null) {
					loaded = findClass(name);
				}
				if (loaded == null) {
					return super.loadClass(name, resolve);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

	}

	private static URL url(Path directory) {
		try {
			return directory.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
