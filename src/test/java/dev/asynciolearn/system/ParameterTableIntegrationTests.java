package dev.asynciolearn.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of parameters is the OpenAPI description, rendered: one row per
 * query parameter of every {@code /api/**} operation and per property of a request body.
 * When the two differ, the expected section is in the failure message and in
 * {@code target/README-parameters.md}, ready to paste between the markers.
 */
@IntegrationTest
class ParameterTableIntegrationTests {

	private static final String START = "<!-- parameters:start -->\n";

	private static final String END = "<!-- parameters:end -->\n";

	@Autowired
	private WebTestClient client;

	@Test
	void theReadmeListsEveryParameterAsTheApiDescriptionStatesIt() throws IOException {
		String expected = START + table(ApiDocs.fetch(this.client)) + END;
		Files.writeString(Path.of("target/README-parameters.md"), expected);
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf(START);
		int end = readme.indexOf(END);
		assertThat(start).as("README.md has the markers %s and %s", START, END).isNotNegative().isLessThan(end);
		assertThat(readme.substring(start, end + END.length()))
			.as("README.md's parameter table is out of date; paste this (also in target/README-parameters.md):%n%s",
					expected)
			.isEqualTo(expected);
	}

	static String table(Map<String, Object> docs) {
		List<String> rows = new ArrayList<>();
		rows.add("| endpoint | parameter | allowed | default | meaning |");
		rows.add("| --- | --- | --- | --- | --- |");
		Map<String, Map<String, Object>> paths = new TreeMap<>(map(docs, "paths"));
		paths.forEach((path, operations) -> new TreeMap<>(operations).forEach((method, operation) -> {
			if (!path.startsWith("/api/")) {
				return;
			}
			String endpoint = "`" + method.toUpperCase() + " " + path + "`";
			List<Parameter> parameters = parameters(docs, map(operation));
			for (int i = 0; i < parameters.size(); i++) {
				rows.add(row((i == 0) ? endpoint : "", parameters.get(i)));
			}
		}));
		return rows.stream().map((row) -> row + "\n").collect(Collectors.joining());
	}

	/**
	 * The query parameters of an operation in declaration order, then the properties of
	 * its JSON body, if it has one.
	 */
	@SuppressWarnings("unchecked")
	private static List<Parameter> parameters(Map<String, Object> docs, Map<String, Object> operation) {
		List<Parameter> parameters = new ArrayList<>();
		for (Object item : (List<Object>) operation.getOrDefault("parameters", List.of())) {
			Map<String, Object> parameter = map(item);
			if ("query".equals(parameter.get("in"))) {
				parameters.add(new Parameter("`" + parameter.get("name") + "`", map(parameter, "schema"),
						Boolean.TRUE.equals(parameter.get("required")), (String) parameter.get("description")));
			}
		}
		if (operation.get("requestBody") instanceof Map<?, ?> body) {
			Map<String, Object> json = map(map(map(body), "content"), "application/json");
			String reference = (String) map(json, "schema").get("$ref");
			Map<String, Object> schema = map(map(map(docs, "components"), "schemas"),
					reference.substring(reference.lastIndexOf('/') + 1));
			List<Object> required = (List<Object>) schema.getOrDefault("required", List.of());
			map(schema, "properties").forEach((name, property) -> parameters.add(new Parameter("`body." + name + "`",
					map(property), required.contains(name), (String) map(property).get("description"))));
		}
		return parameters;
	}

	private static String row(String endpoint, Parameter parameter) {
		Map<String, Object> schema = parameter.schema();
		String defaultValue = parameter.required() ? "required" : String.valueOf(schema.getOrDefault("default", ""));
		return "| " + String.join(" | ", endpoint, parameter.name(), cell(allowed(schema)), cell(defaultValue),
				cell((parameter.description() != null) ? parameter.description() : "")) + " |";
	}

	/**
	 * What the schema allows, in the first words that apply: an enum's values, a pattern,
	 * a range, a length, or else the type.
	 */
	private static String allowed(Map<String, Object> schema) {
		if (schema.get("enum") instanceof List<?> values) {
			return values.stream().map((value) -> "`" + value + "`").collect(Collectors.joining(", "));
		}
		if (schema.containsKey("pattern")) {
			return "`" + schema.get("pattern") + "`"
					+ (schema.containsKey("maxLength") ? ", at most " + schema.get("maxLength") + " characters" : "");
		}
		if (schema.containsKey("minimum") || schema.containsKey("maximum")) {
			return schema.getOrDefault("minimum", "") + ".." + schema.getOrDefault("maximum", "");
		}
		if (schema.containsKey("maxLength")) {
			Object min = schema.getOrDefault("minLength", 0);
			return (Integer.valueOf(0).equals(min) ? "at most " : min + "..") + schema.get("maxLength") + " characters";
		}
		return String.valueOf(schema.getOrDefault("type", "any JSON"));
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> map(Object value) {
		return (Map<String, V>) value;
	}

	private static <V> Map<String, V> map(Map<String, ?> parent, String key) {
		return map(parent.get(key));
	}

	private record Parameter(String name, Map<String, Object> schema, boolean required, String description) {
	}

}
