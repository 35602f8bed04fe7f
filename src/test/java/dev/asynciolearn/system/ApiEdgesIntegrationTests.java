package dev.asynciolearn.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query parameter of every operation in the API description, at its edges: the
 * minimum and maximum (taken), one past each, a word where a number belongs, a fraction
 * where a whole number belongs, a value outside an enumeration, a character outside a
 * pattern, empty. A value outside what the description allows answers exactly {@code 400}
 * naming the parameter; a value inside it is taken, or refused only by a rule that
 * combines it with another parameter (and the problem says which). Every answer is also
 * held to the description by {@link ApiContract}. The other parameters keep their
 * defaults; a required one gets a value that works.
 */
@IntegrationTest
class ApiEdgesIntegrationTests {

	/** Values that work for the required parameters that are not under test. */
	private static final Map<String, String> WORKING = Map.of("name", "1KiB.bin");

	/**
	 * A value inside the description may start long work: a refusal comes at once, so an
	 * answer that takes longer than this means the work started, and the test hangs up.
	 */
	private static final Duration TAKEN_AFTER = Duration.ofMillis(100);

	@Autowired
	private WebTestClient client;

	@Autowired
	private JsonMapper json;

	@LocalServerPort
	private int port;

	@TestFactory
	Stream<DynamicTest> everyQueryParameterAtItsEdges() {
		JsonNode api = this.json.readTree(this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		long task = createTask();
		List<DynamicTest> tests = new ArrayList<>();
		api.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
			String concretePath = path.getKey().replace("{id}", String.valueOf(task));
			List<JsonNode> parameters = new ArrayList<>();
			operation.getValue().path("parameters").forEach((parameter) -> {
				if (parameter.path("in").asString().equals("query")) {
					parameters.add(parameter);
				}
			});
			for (JsonNode parameter : parameters) {
				String name = parameter.get("name").asString();
				for (Edge edge : edges(parameter)) {
					Map<String, String> query = new LinkedHashMap<>();
					parameters.stream()
						.filter((other) -> other.path("required").asBoolean() && !other.equals(parameter))
						.forEach((other) -> query.put(other.get("name").asString(),
								WORKING.getOrDefault(other.get("name").asString(), "")));
					query.put(name, edge.value());
					UriComponentsBuilder uri = UriComponentsBuilder.fromPath(concretePath);
					query.forEach(uri::queryParam);
					List<String> others = parameters.stream()
						.map((other) -> other.get("name").asString())
						.filter((other) -> !other.equals(name))
						.toList();
					String target = uri.build().toUriString();
					String display = method + " " + target + " -> " + (edge.allowed() ? "taken" : "400 naming " + name);
					tests.add(DynamicTest.dynamicTest(display,
							() -> check(method, target, name, edge.allowed(), others)));
				}
			}
		}));
		return tests.stream();
	}

	private void check(HttpMethod method, String uri, String parameter, boolean allowed, List<String> others) {
		if (!allowed) {
			ProblemAssertions.expectProblem(this.client.method(method).uri(uri), HttpStatus.BAD_REQUEST, parameter, "");
			return;
		}
		// A plain client, which hangs up cleanly when the work outlasts the wait (a
		// stream
		// too: HeapAnswerBuffers), with the contract's filter too.
		WebClient web = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.filter(ApiContract.filter())
			.build();
		Answer answer = web.method(method)
			.uri(uri)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new Answer(response.statusCode().value(), body)))
			.timeout(TAKEN_AFTER, Mono.empty())
			.block(Duration.ofSeconds(30));
		if (answer != null && answer.status() == 400) {
			assertThat(others).as("%s refused a value inside its range: %s", uri, answer.body()).isNotEmpty();
			assertThat(this.json.readTree(answer.body()).path("detail").asString())
				.as("a value inside its own range is refused only by a rule across parameters, which names another")
				.containsAnyOf(others.toArray(String[]::new));
		}
	}

	private record Answer(int status, String body) {
	}

	private long createTask() {
		return this.json
			.readTree(this.client.post()
				.uri("/api/tasks")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"name\": \"edges\", \"durationMs\": 60000}")
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.get("id")
			.asLong();
	}

	/**
	 * The values at and around what the parameter's schema allows.
	 */
	private static List<Edge> edges(JsonNode parameter) {
		JsonNode schema = parameter.path("schema");
		boolean required = parameter.path("required").asBoolean();
		List<Edge> edges = new ArrayList<>();
		switch (schema.path("type").asString()) {
			case "integer" -> {
				if (schema.has("minimum")) {
					long min = schema.get("minimum").asLong();
					edges.add(new Edge(String.valueOf(min), true));
					edges.add(new Edge(String.valueOf(min - 1), false));
				}
				if (schema.has("maximum")) {
					long max = schema.get("maximum").asLong();
					edges.add(new Edge(String.valueOf(max), true));
					edges.add(new Edge(String.valueOf(max + 1), false));
				}
				edges.add(new Edge("x", false));
			}
			case "boolean" -> {
				edges.add(new Edge("true", true));
				edges.add(new Edge("false", true));
				edges.add(new Edge("maybe", false));
			}
			case "string" -> {
				if (schema.has("enum")) {
					schema.get("enum").forEach((value) -> edges.add(new Edge(value.asString(), true)));
					edges.add(new Edge("NOT_ONE_OF_THEM", false));
				}
				else if (schema.has("pattern")) {
					edges.add(new Edge("!", false));
				}
			}
			default -> {
			}
		}
		edges.add(new Edge("", !required));
		return edges;
	}

	private record Edge(String value, boolean allowed) {
	}

}
