package dev.asynciolearn.timeline;

import java.util.List;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reports for controller slices, whose services are mocks, and the check that one reached
 * the client.
 */
public final class TestReports {

	private TestReports() {
	}

	/**
	 * A report that says which call produced it.
	 * @param concept the call, e.g. {@code "gather(3, 300, 1, true)"}
	 * @return a report with that concept and nothing else of note
	 */
	public static Report named(String concept) {
		return new Report(concept, "asyncio", "reactor", 1.0, "result", List.of(), 0);
	}

	/**
	 * {@code GET uri} answers {@code 200} with the report named {@code concept}: the
	 * controller passed its parameters on as the mock expected them.
	 * @param client the slice's client
	 * @param uri the request
	 * @param concept the name of the report the mock returns for the expected call
	 */
	public static void expectConcept(WebTestClient client, String uri, String concept) {
		client.get().uri(uri).exchange().expectStatus().isOk().expectBody().jsonPath("$.concept").isEqualTo(concept);
	}

}
