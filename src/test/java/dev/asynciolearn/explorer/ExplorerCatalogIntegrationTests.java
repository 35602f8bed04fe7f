package dev.asynciolearn.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's catalog and the API agree: every concept points at an endpoint that
 * exists, and every endpoint has its concept, so the page never offers a dead link nor
 * hides a demo.
 */
@IntegrationTest
class ExplorerCatalogIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebTestClient client;

	@Test
	@SuppressWarnings("unchecked")
	void theCatalogAndTheApiDescribeTheSameEndpoints() throws IOException {
		Map<String, Object> docs = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<String> documented = new ArrayList<>();
		((Map<String, Map<String, Object>>) docs.get("paths")).forEach((path, operations) -> operations.keySet()
			.forEach((method) -> documented.add(method.toUpperCase() + " " + path)));
		List<String> catalogued = new ArrayList<>();
		try (InputStream in = new ClassPathResource("static/concepts.json").getInputStream()) {
			List<Map<String, Object>> chapters = json.readValue(in, new TypeReference<>() {
			});
			for (Map<String, Object> chapter : chapters) {
				for (Map<String, Object> concept : (List<Map<String, Object>>) chapter.get("concepts")) {
					catalogued.add(concept.get("method") + " " + concept.get("path"));
					assertThat(concept).containsKeys("id", "title", "asyncio", "reactor");
				}
			}
		}
		assertThat(catalogued).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(documented.stream()
				.filter((endpoint) -> endpoint.contains(" /api/") && !endpoint.endsWith("/callbacks"))
				.toList());
	}

	@Test
	void thePageIsServedAtTheRoot() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<script src=\"explorer.js\">", "aria-label=\"Concepts\""));
	}

}
