package dev.asynciolearn.collections;

import dev.asynciolearn.timeline.TestReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(CollectionsController.class)
class CollectionsControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private GatherService gather;

	@MockitoBean
	private WaitService wait;

	@MockitoBean
	private WaitForService waitFor;

	@MockitoBean
	private AsCompletedService asCompleted;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					/api/collections/gather?count=0                    | count      | between 1 and 50
					/api/collections/gather?count=51                   | count      | between 1 and 50
					/api/collections/gather?delayMs=-1                 | delayMs    | between 0 and 10000
					/api/collections/gather?delayMs=10001              | delayMs    | between 0 and 10000
					/api/collections/gather?failAt=3                   | failAt     | between 0 and 2
					/api/collections/gather?failAt=-1                  | failAt     | between 0 and 49
					/api/collections/gather?returnExceptions=maybe     | returnExceptions | true or false
					/api/collections/wait?returnWhen=SOMETIMES         | returnWhen | ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
					/api/collections/wait?count=21                     | count      | between 1 and 20
					/api/collections/wait?timeoutMs=0                  | timeoutMs  | between 1 and 60000
					/api/collections/wait?count=2&failAt=2             | failAt     | between 0 and 1
					/api/collections/wait-for?timeoutMs=0              | timeoutMs  | between 1 and 60000
					/api/collections/wait-for?delayMs=soon             | delayMs    | an integer between 0 and 10000
					/api/collections/as-completed?count=0              | count      | between 1 and 50
					/api/collections/as-completed?timeoutMs=60001      | timeoutMs  | between 1 and 60000
					""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.gather, this.wait, this.waitFor, this.asCompleted);
	}

	@Test
	void goodParametersReachTheServicesAsGiven() {
		given(this.gather.gather(new GatherRequest(4, 250, 2, true)))
			.willReturn(Mono.just(TestReports.named("gather(4, 250, 2, true)")));
		given(this.wait.wait(new WaitRequest(ReturnWhen.FIRST_EXCEPTION, 5, 200, 1, 700L)))
			.willReturn(Mono.just(TestReports.named("wait(FIRST_EXCEPTION, 5, 200, 1, 700)")));
		given(this.wait.wait(new WaitRequest(ReturnWhen.ALL_COMPLETED, 3, 300, null, null)))
			.willReturn(Mono.just(TestReports.named("wait()")));
		given(this.waitFor.waitFor(new WaitForRequest(900, 80)))
			.willReturn(Mono.just(TestReports.named("waitFor(900, 80)")));
		given(this.asCompleted.asCompleted(new AsCompletedRequest(2, 100, 500))).willReturn(Flux.empty());
		expectConcept(this.client, "/api/collections/gather?count=4&delayMs=250&failAt=2&returnExceptions=true",
				"gather(4, 250, 2, true)");
		expectConcept(this.client,
				"/api/collections/wait?returnWhen=FIRST_EXCEPTION&count=5&delayMs=200&failAt=1&timeoutMs=700",
				"wait(FIRST_EXCEPTION, 5, 200, 1, 700)");
		expectConcept(this.client, "/api/collections/wait", "wait()");
		expectConcept(this.client, "/api/collections/wait-for?delayMs=900&timeoutMs=80", "waitFor(900, 80)");
		this.client.get()
			.uri("/api/collections/as-completed?count=2&delayMs=100&timeoutMs=500")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectStatus()
			.isOk();
		then(this.asCompleted).should().asCompleted(new AsCompletedRequest(2, 100, 500));
	}

	@Test
	void theLimitsAreAcceptedAtTheirEdges() {
		given(this.gather.gather(new GatherRequest(50, 10_000, 49, false)))
			.willReturn(Mono.just(TestReports.named("gather at its limits")));
		given(this.waitFor.waitFor(new WaitForRequest(0, 60_000)))
			.willReturn(Mono.just(TestReports.named("wait_for at its limits")));
		expectConcept(this.client, "/api/collections/gather?count=50&delayMs=10000&failAt=49", "gather at its limits");
		expectConcept(this.client, "/api/collections/wait-for?delayMs=0&timeoutMs=60000", "wait_for at its limits");
	}

}
