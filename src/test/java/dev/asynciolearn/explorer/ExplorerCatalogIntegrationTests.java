package dev.asynciolearn.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.system.ApiDocs;
import dev.asynciolearn.timeline.Event;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's catalog and the API agree: every concept points at an endpoint that
 * exists, and every endpoint has its concept, so the page never offers a dead link nor
 * hides a demo. The page takes the timeline's vocabulary from the API description, and
 * keeps no copy of it.
 */
@IntegrationTest
class ExplorerCatalogIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@Test
	@SuppressWarnings("unchecked")
	void theCatalogAndTheApiDescribeTheSameEndpoints() throws IOException {
		Map<String, Object> docs = ApiDocs.fetch(this.client);
		List<String> documented = new ArrayList<>();
		((Map<String, Map<String, Object>>) docs.get("paths")).forEach((path, operations) -> operations.keySet()
			.forEach((method) -> documented.add(method.toUpperCase() + " " + path)));
		List<String> catalogued = new ArrayList<>();
		for (Map<String, Object> concept : concepts()) {
			catalogued.add(concept.get("method") + " " + concept.get("path"));
			if (concept.get("vthreads") instanceof Map<?, ?> twin) {
				assertThat(twin.keySet()).map(String::valueOf).containsExactlyInAnyOrder("path", "java");
				catalogued.add(concept.get("method") + " " + twin.get("path"));
			}
			assertThat(concept).containsKeys("id", "title", "asyncio", "reactor", "look");
		}
		assertThat(catalogued).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(documented.stream()
				.filter((endpoint) -> endpoint.contains(" /api/") && !endpoint.endsWith("/callbacks"))
				.toList());
	}

	/**
	 * A concept runs on its first click only if each required parameter has a value the
	 * page can fill in: a default, an example, or values offered from the server.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void everyRequiredParameterHasAValueThePageCanFillIn() throws IOException {
		Map<String, Object> docs = ApiDocs.fetch(this.client);
		for (Map<String, Object> concept : concepts()) {
			Map<String, Object> operation = ApiDocs.at(docs, "paths", (String) concept.get("path"),
					((String) concept.get("method")).toLowerCase());
			Map<String, Object> offered = (Map<String, Object>) concept.getOrDefault("choices", Map.of());
			List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
					List.of());
			for (Map<String, Object> parameter : parameters) {
				if (Boolean.TRUE.equals(parameter.get("required")) && !offered.containsKey(parameter.get("name"))) {
					assertThat(((Map<String, Object>) parameter.get("schema")).keySet())
						.as("%s %s", concept.get("id"), parameter.get("name"))
						.containsAnyOf("default", "example");
				}
			}
			Map<String, Object> body = operation.containsKey("requestBody") ? ApiDocs.at(docs, "components", "schemas",
					((String) ApiDocs
						.<Map<String, Object>>at(operation, "requestBody", "content", "application/json", "schema")
						.get("$ref")).replace("#/components/schemas/", ""))
					: Map.of();
			for (String required : (List<String>) body.getOrDefault("required", List.of())) {
				assertThat(ApiDocs.<Map<String, Object>>at(body, "properties", required))
					.as("%s body.%s", concept.get("id"), required)
					.containsKey("example");
			}
		}
	}

	/**
	 * A parameter bound by another ({@code failAt} below {@code count}) says so in its
	 * description and in {@code x-below}, which the page follows.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aBoundByAnotherParameterIsDescribedAndMarked() {
		Map<String, Map<String, Map<String, Object>>> paths = ApiDocs.at(ApiDocs.fetch(this.client), "paths");
		List<String> below = new ArrayList<>();
		paths.forEach((path, operations) -> operations.values()
			.forEach((operation) -> ((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of()))
				.forEach((parameter) -> {
					String description = String.valueOf(parameter.get("description"));
					assertThat(parameter.get("x-below")).as("x-below of %s %s", path, parameter.get("name"))
						.isEqualTo(description.contains("; below ") ? description.replaceAll(".*; below (\\w+).*", "$1")
								: null);
					if (parameter.containsKey("x-below")) {
						below.add(path + " " + parameter.get("name"));
					}
				})));
		assertThat(below).contains("/api/collections/gather failAt", "/api/collections/wait failAt");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> concepts() throws IOException {
		try (InputStream in = new ClassPathResource("static/concepts.json").getInputStream()) {
			List<Map<String, Object>> chapters = json.readValue(in, new TypeReference<>() {
			});
			return chapters.stream()
				.flatMap((chapter) -> ((List<Map<String, Object>>) chapter.get("concepts")).stream())
				.toList();
		}
	}

	@Test
	void thePageIsServedAtTheRoot() throws IOException {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<script type=\"module\" src=\"main.js\">",
					"aria-label=\"Concepts\""));
		// A browser runs a module only when it is served as JavaScript.
		for (Resource module : modules()) {
			this.client.get()
				.uri("/" + module.getFilename())
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value("Content-Type", (type) -> assertThat(type).containsPattern("^(text|application)/javascript"))
				.expectBody();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theApiDescribesTheTimelinesVocabulary() {
		Map<String, Object> event = ApiDocs.at(ApiDocs.fetch(this.client), "components", "schemas", "TimelineEvent",
				"properties", "event");
		assertThat((List<String>) event.get("enum"))
			.containsExactlyElementsOf(Arrays.stream(Event.values()).map(Event::label).toList());
		assertThat((List<String>) event.get("x-waiting")).isNotEmpty()
			.containsExactlyElementsOf(Arrays.stream(Event.values()).filter(Event::waits).map(Event::label).toList());
	}

	@Test
	void thePageKeepsNoCopyOfTheVocabulary() throws IOException {
		List<String> waiting = Arrays.stream(Event.values()).filter(Event::waits).map(Event::label).toList();
		// A regular expression or a list of labels, as the page had before the API
		// described them: "suspend|hop", ["suspend", "hop"].
		String label = waiting.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow();
		Pattern alternation = Pattern.compile("\\b(" + label + ")\\b\\s*\\||\\|\\s*\\b(" + label + ")\\b");
		Pattern quoted = Pattern.compile("[\"'`](" + label + ")[\"'`]");
		List<Resource> modules = modules();
		assertThat(modules).extracting(Resource::getFilename)
			.contains("main.js", "api.js", "form.js", "stream.js", "timeline.js");
		for (Resource module : modules) {
			String code = module.getContentAsString(StandardCharsets.UTF_8);
			assertThat(code).as(module.getFilename()).doesNotContain("suspend|").doesNotContainPattern(alternation);
			// One label may appear on its own (the stream's "tick" events), never a list.
			assertThat(quoted.matcher(code).results().map((match) -> match.group(1)).distinct())
				.as("waiting events named in %s", module.getFilename())
				.hasSizeLessThan(2);
		}
	}

	private static List<Resource> modules() throws IOException {
		return List.of(new PathMatchingResourcePatternResolver().getResources("classpath:static/**/*.js"));
	}

}
