package dev.asynciolearn.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request in {@code http-requests/*.http} runs as written against the real app and
 * gets its documented status (2xx unless the file says {@code @expect}), so the files
 * never rot.
 */
@IntegrationTest
class HttpRequestFilesIntegrationTests {

	private static final String DEFAULT_HOST = "http://localhost:8080";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@TestFactory
	Stream<DynamicNode> everyDocumentedRequestSucceedsAsWritten() throws IOException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(Path.of("http-requests"))) {
			files = listing.filter((path) -> path.toString().endsWith(".http")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		return files.stream().map(this::parse).map((file) -> {
			// The requests of one file run in order and share its variables, as in the
			// IDE.
			Map<String, String> variables = new HashMap<>(file.variables());
			return DynamicContainer.dynamicContainer(file.path().getFileName().toString(),
					file.requests()
						.stream()
						.map((request) -> DynamicTest.dynamicTest(request.title(), () -> run(request, variables))));
		});
	}

	private HttpRequestFile parse(Path path) {
		try {
			return HttpRequestFile.parse(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void run(HttpRequestFile.Request request, Map<String, String> variables) {
		String url = HttpRequestFile.substitute(request.url(), variables);
		assertThat(url).as("requests use the {{host}} variable").startsWith(DEFAULT_HOST + "/");
		URI uri = URI.create("http://localhost:" + this.port + url.substring(DEFAULT_HOST.length()));
		int before = BlockingCalls.detected().size();
		EntityExchangeResult<byte[]> result = request.antiPattern()
				? BlockingCalls.tolerating(() -> exchange(request, uri, variables)) : exchange(request, uri, variables);
		int status = result.getStatus().value();
		if (request.expectedStatus() != null) {
			assertThat(status).as(request + " status").isEqualTo(request.expectedStatus());
		}
		else {
			assertThat(status).as(request + " status").isBetween(200, 299);
		}
		if (request.antiPattern()) {
			assertThat(BlockingCalls.detected().size()).as("BlockHound caught the anti-pattern").isGreaterThan(before);
		}
		if (!request.captures().isEmpty()) {
			Map<String, Object> body = json.readValue(result.getResponseBody(), new TypeReference<>() {
			});
			request.captures().forEach((variable, field) -> variables.put(variable, String.valueOf(body.get(field))));
		}
	}

	/**
	 * Send the request as written, following redirects as the IDE clients do.
	 */
	private EntityExchangeResult<byte[]> exchange(HttpRequestFile.Request request, URI uri,
			Map<String, String> variables) {
		WebTestClient.RequestBodySpec spec = this.client.method(HttpMethod.valueOf(request.method()))
			.uri(uri)
			.headers((headers) -> request.headers()
				.forEach((name, value) -> headers.add(name, HttpRequestFile.substitute(value, variables))));
		String body = HttpRequestFile.substitute(request.body(), variables);
		WebTestClient.RequestHeadersSpec<?> ready = body.isEmpty() ? spec : spec.bodyValue(body);
		EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
		for (int hops = 0; hops < 5 && result.getStatus().is3xxRedirection(); hops++) {
			URI location = uri.resolve(result.getResponseHeaders().getLocation());
			result = this.client.get().uri(location).exchange().expectBody().returnResult();
		}
		return result;
	}

}
