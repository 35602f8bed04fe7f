package dev.asynciolearn.system;

import java.util.Map;

import dev.asynciolearn.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OpenApiIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	@SuppressWarnings("unchecked")
	void everyApiEndpointIsDocumented() {
		Map<String, Object> docs = ApiDocs.fetch(this.client);
		Map<String, Object> paths = (Map<String, Object>) docs.get("paths");
		assertThat(this.mappings.getHandlerMethods().keySet()).flatMap(RequestMappingInfo::getDirectPaths)
			.filteredOn((path) -> path.startsWith("/api/"))
			.isNotEmpty()
			.allSatisfy((path) -> assertThat(paths).containsKey(path));
		Map<String, Object> io = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/offload/io")).get("get");
		assertThat((Map<String, Object>) io.get("responses")).containsKeys("200", "400", "500");
		assertThat(ApiDocs.<Map<String, Object>>at(docs, "paths", "/api/tasks/{id}/callbacks", "post", "responses"))
			.containsKeys("200", "400", "409", "500");
		assertThat(ApiDocs.<Map<String, Object>>at(docs, "paths", "/api/offload/file-blocking", "get", "responses"))
			.containsKeys("200", "400", "404", "429", "500");
	}

	@Test
	void everyAnswerIsDocumentedToNameItsReplica() {
		Map<String, Object> docs = ApiDocs.fetch(this.client);
		assertThat(ApiDocs.<Map<String, Object>>at(docs, "paths", "/api/tasks", "post", "responses", "201", "headers"))
			.containsKeys("Location", ReplicaHeaderFilter.HEADER);
		assertThat(
				ApiDocs.<Map<String, Object>>at(docs, "paths", "/api/tasks/{id}", "get", "responses", "404", "headers"))
			.containsKey(ReplicaHeaderFilter.HEADER);
	}

	@Test
	void swaggerUiLoads() {
		this.client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection().expectBody();
		this.client.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk().expectBody();
	}

}
