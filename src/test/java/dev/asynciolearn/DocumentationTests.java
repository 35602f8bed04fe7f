package dev.asynciolearn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The READMEs name files, classes, members and tests; these checks fail when one of them
 * is renamed or removed, so the documentation cannot drift from the code unnoticed. Paths
 * are relative to the project root, the working directory of the test run.
 */
class DocumentationTests {

	private static final List<Path> DOCUMENTS = List.of(Path.of("README.md"), Path.of("bench/README.md"));

	private final Checker checker = new Checker(Path.of(""));

	@Test
	void everyRelativeLinkPointsAtAFileThatExists() {
		assertThat(offenders(this.checker::missingLinkTargets)).as("links to nothing").isEmpty();
	}

	@Test
	void everyLinkToAJavaFileExists() {
		assertThat(offenders(this.checker::missingJavaFiles)).as("links to Java files that do not exist").isEmpty();
	}

	@Test
	void everyNamedTestClassAndTestMethodExists() {
		assertThat(offenders(this.checker::unknownTests)).as("tests named but not found").isEmpty();
	}

	@Test
	void everyNamedMemberOfAMainClassExists() {
		assertThat(offenders(this.checker::unknownMembers)).as("members named but not found").isEmpty();
	}

	@Test
	void everyNamedHttpFileExists() {
		assertThat(offenders(this.checker::missingHttpFiles)).as(".http files named but not in http-requests/")
			.isEmpty();
	}

	@Test
	void theCheckerReportsATestMethodThatDoesNotExist() {
		String readme = """
				| claim | test |
				| --- | --- |
				| a renamed test | `DocumentationTests#theCheckerReportsATestMethodThatDoesNotExist`, `#thisMethodDoesNotExist` |

				A sentence naming `DocumentationTests#thisMethodDoesNotExistEither`.
				""";
		assertThat(this.checker.unknownTests(Path.of("README.md"), readme)).containsExactly(
				"README.md: `#thisMethodDoesNotExist`: DocumentationTests has no method thisMethodDoesNotExist",
				"README.md: `DocumentationTests#thisMethodDoesNotExistEither`: DocumentationTests has no method thisMethodDoesNotExistEither");
	}

	@Test
	void theCheckerReportsALinkToAFileThatDoesNotExist() {
		String readme = "See [the code](src/main/java/dev/asynciolearn/Gone.java#L3) and [home](README.md#top).";
		assertThat(this.checker.missingJavaFiles(Path.of("README.md"), readme))
			.containsExactly("README.md: src/main/java/dev/asynciolearn/Gone.java does not exist");
	}

	private List<String> offenders(BiFunction<Path, String, List<String>> check) {
		return DOCUMENTS.stream().flatMap((document) -> check.apply(document, read(document)).stream()).toList();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks one markdown text against the project's files. Each check answers every
	 * offender, as {@code "document: what: why"}.
	 */
	static final class Checker {

		private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

		private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

		private static final Pattern CLASS_AND_MEMBER = Pattern.compile("([A-Z]\\w*)(?:#(\\w+))?");

		private static final Pattern BARE_MEMBER = Pattern.compile("#(\\w+)");

		private static final String SENTENCE_END = "(?<=[.!?])\\s+";

		private static final Pattern HTTP_FILE = Pattern.compile("(?:^|/)([\\w-]+\\.http)$");

		private final Path root;

		private final Map<String, List<Path>> mainClasses;

		private final Map<String, List<Path>> testClasses;

		Checker(Path root) {
			this.root = root;
			this.mainClasses = classes(root.resolve("src/main/java"));
			this.testClasses = classes(root.resolve("src/test/java"));
		}

		List<String> missingLinkTargets(Path document, String text) {
			return missing(document, links(text));
		}

		List<String> missingJavaFiles(Path document, String text) {
			return missing(document, links(text).stream().filter((target) -> target.endsWith(".java")).toList());
		}

		private List<String> missing(Path document, List<String> targets) {
			List<String> missing = new ArrayList<>();
			for (String target : targets) {
				Path file = document.resolveSibling(target).normalize();
				if (!Files.exists(this.root.resolve(file))) {
					missing.add(document + ": " + target + " does not exist");
				}
			}
			return missing;
		}

		List<String> missingHttpFiles(Path document, String text) {
			List<String> named = new ArrayList<>(links(text));
			codeSpans(text).forEach((span) -> named.addAll(span));
			List<String> missing = new ArrayList<>();
			for (String name : named) {
				Matcher http = HTTP_FILE.matcher(name);
				if (http.find() && !Files.exists(this.root.resolve("http-requests").resolve(http.group(1)))) {
					missing.add(document + ": " + name + " is not in http-requests/");
				}
			}
			return missing;
		}

		/**
		 * Backticked {@code SomethingTests} and {@code SomethingTests#method}; a bare
		 * {@code #method} belongs to the last class named before it in its table cell or
		 * sentence.
		 */
		List<String> unknownTests(Path document, String text) {
			return namedMembers(document, text, (type, member) -> {
				List<Path> sources = this.testClasses.get(type);
				if (sources == null) {
					return type.endsWith("Tests") ? "no test class " + type + " under src/test/java" : null;
				}
				if (member != null
						&& sources.stream().noneMatch((source) -> read(source).contains("void " + member + "("))) {
					return type + " has no method " + member;
				}
				return null;
			});
		}

		/**
		 * Backticked {@code Name#member} where {@code Name} is a class under
		 * {@code src/main/java}: the member appears in its source as an identifier.
		 */
		List<String> unknownMembers(Path document, String text) {
			return namedMembers(document, text, (type, member) -> {
				List<Path> sources = this.mainClasses.get(type);
				if (member == null || this.testClasses.containsKey(type)) {
					return null;
				}
				if (sources == null) {
					return "no class " + type + " under src/";
				}
				Pattern identifier = Pattern.compile("\\b" + member + "\\b");
				if (sources.stream().noneMatch((source) -> identifier.matcher(read(source)).find())) {
					return type + " has no member " + member;
				}
				return null;
			});
		}

		private List<String> namedMembers(Path document, String text, BiFunction<String, String, String> problem) {
			List<String> offenders = new ArrayList<>();
			for (List<String> context : codeSpans(text)) {
				String lastClass = null;
				for (String span : context) {
					Matcher named = CLASS_AND_MEMBER.matcher(span);
					Matcher bare = BARE_MEMBER.matcher(span);
					String type;
					String member;
					if (named.matches() && (named.group(2) != null || isClass(named.group(1)))) {
						type = named.group(1);
						member = named.group(2);
						lastClass = isClass(type) ? type : lastClass;
					}
					else if (bare.matches() && lastClass != null) {
						type = lastClass;
						member = bare.group(1);
					}
					else {
						continue;
					}
					String why = problem.apply(type, member);
					if (why != null) {
						offenders.add(document + ": `" + span + "`: " + why);
					}
				}
			}
			return offenders;
		}

		private boolean isClass(String name) {
			return this.mainClasses.containsKey(name) || this.testClasses.containsKey(name);
		}

		/**
		 * Relative link targets, without their {@code #anchor}.
		 */
		private static List<String> links(String text) {
			List<String> targets = new ArrayList<>();
			Matcher link = LINK.matcher(withoutCodeBlocks(text));
			while (link.find()) {
				String target = link.group(1);
				if (!target.startsWith("http") && !target.startsWith("#") && !target.startsWith("mailto")) {
					targets.add(target.replaceFirst("#.*", ""));
				}
			}
			return targets;
		}

		/**
		 * The backticked spans of each table cell and of each sentence, in order.
		 */
		private static List<List<String>> codeSpans(String text) {
			List<String> contexts = new ArrayList<>();
			StringBuilder paragraph = new StringBuilder();
			for (String line : withoutCodeBlocks(text).split("\n")) {
				if (line.isBlank() || line.startsWith("|") || line.matches("\\s*[-*] .*")) {
					contexts.addAll(List.of(paragraph.toString().split(SENTENCE_END)));
					paragraph.setLength(0);
				}
				if (line.startsWith("|")) {
					contexts.addAll(List.of(line.split("\\|")));
				}
				else {
					paragraph.append(line).append(' ');
				}
			}
			contexts.addAll(List.of(paragraph.toString().split(SENTENCE_END)));
			return contexts.stream().map((context) -> {
				List<String> spans = new ArrayList<>();
				Matcher code = CODE.matcher(context);
				while (code.find()) {
					spans.add(code.group(1));
				}
				return spans;
			}).toList();
		}

		private static String withoutCodeBlocks(String text) {
			return text.replaceAll("(?ms)^\\s*```.*?^\\s*```", "");
		}

		private static Map<String, List<Path>> classes(Path sources) {
			Map<String, List<Path>> classes = new HashMap<>();
			try (Stream<Path> files = Files.walk(sources)) {
				files.filter((file) -> file.toString().endsWith(".java"))
					.forEach((file) -> classes
						.computeIfAbsent(file.getFileName().toString().replace(".java", ""),
								(name) -> new ArrayList<>())
						.add(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return classes;
		}

	}

}
