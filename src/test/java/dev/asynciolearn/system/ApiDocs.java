package dev.asynciolearn.system;

import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The OpenAPI description the running app serves at {@code /v3/api-docs}, as plain maps
 * and lists, and a way to walk into it.
 */
public final class ApiDocs {

	private ApiDocs() {
	}

	/**
	 * {@code GET /v3/api-docs}.
	 * @param client a client of the running app
	 * @return the description
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> fetch(WebTestClient client) {
		Map<String, Object> docs = client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		if (docs == null) {
			throw new AssertionError("No API description at /v3/api-docs");
		}
		return docs;
	}

	/**
	 * The value at {@code path}, e.g.
	 * {@code at(docs, "components", "schemas", "TimelineEvent")}.
	 * @param <T> what is there
	 * @param docs the description, or a part of it
	 * @param path the keys to follow
	 * @return the value
	 */
	@SuppressWarnings("unchecked")
	public static <T> T at(Map<String, Object> docs, String... path) {
		Object current = docs;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				throw new AssertionError("No '" + key + "' on the way to " + String.join(".", path));
			}
			current = map.get(key);
		}
		return (T) current;
	}

}
