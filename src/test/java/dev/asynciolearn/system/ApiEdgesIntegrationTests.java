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
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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
 * minimum (taken), one past the minimum and the maximum, a word where a number belongs, a
 * value outside an enumeration, a character outside a pattern, empty. A value outside
 * what the description allows answers exactly {@code 400} naming the parameter; a value
 * inside it is taken, or refused only by a rule that combines it with another parameter
 * (and the problem says which). Every answer is also held to the description by
 * {@link ApiContract}. The other parameters keep their defaults; a required one gets a
 * value that works.
 */
@IntegrationTest
class ApiEdgesIntegrationTests {

	/** Values that work for the required parameters that are not under test. */
	private static final Map<String, String> WORKING = Map.of("name", "1KiB.bin");

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
		List<Case> cases = new ArrayList<>();
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
					cases.add(new Case(method, uri.build().toUriString(), name, edge.allowed(), others));
				}
			}
		}));
		Map<Case, Answer> answers = taken(cases);
		return cases.stream()
			.map((edge) -> DynamicTest.dynamicTest(
					edge.method() + " " + edge.uri() + " -> "
							+ (edge.allowed() ? "taken" : "400 naming " + edge.name()),
					() -> check(edge, answers.get(edge))));
	}

	/**
	 * The answers to the values inside the description, one after the other (all at once
	 * they overloaded the service on a busy machine), each waited for to its end: hanging
	 * up while the server writes an answer can leak its buffer (a framework race, see the
	 * README), which NettyLeaks would report.
	 */
	private Map<Case, Answer> taken(List<Case> cases) {
		WebClient web = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.filter(ApiContract.filter())
			.build();
		return Flux.fromIterable(cases)
			.filter(Case::allowed)
			.flatMap((edge) -> web.method(edge.method())
				.uri(edge.uri())
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> new Answer(response.statusCode().value(), body)))
				.map((answer) -> Map.entry(edge, answer)), 1)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.block(Duration.ofSeconds(120));
	}

	private void check(Case edge, @Nullable Answer answer) {
		if (!edge.allowed()) {
			ProblemAssertions.expectProblem(this.client.method(edge.method()).uri(edge.uri()), HttpStatus.BAD_REQUEST,
					edge.name(), "");
			return;
		}
		assertThat(answer).as("the answer to %s", edge.uri()).isNotNull();
		if (answer.status() == 400) {
			assertThat(edge.others()).as("%s refused a value inside its range: %s", edge.uri(), answer.body())
				.isNotEmpty();
			assertThat(this.json.readTree(answer.body()).path("detail").asString())
				.as("a value inside its own range is refused only by a rule across parameters, which names another")
				.containsAnyOf(edge.others().toArray(String[]::new));
		}
	}

	private record Case(HttpMethod method, String uri, String name, boolean allowed, List<String> others) {
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
					// The maximum itself is not sent: it may start work of up to a
					// minute,
					// which this pass waits for to the end.
					edges.add(new Edge(String.valueOf(schema.get("maximum").asLong() + 1), false));
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
