package dev.asynciolearn.collections;

import dev.asynciolearn.timeline.TestReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The virtual-thread twins take the same queries, under the same rules, as the Reactor
 * ones.
 */
@WebFluxTest(VirtualThreadCollectionsController.class)
class VirtualThreadCollectionsControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private GatherOnVirtualThreads gather;

	@MockitoBean
	private WaitOnVirtualThreads wait;

	@MockitoBean
	private WaitForOnVirtualThreads waitFor;

	@MockitoBean
	private AsCompletedOnVirtualThreads asCompleted;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					/api/vthreads/collections/gather?count=51          | count     | between 1 and 50
					/api/vthreads/collections/gather?failAt=3          | failAt    | between 0 and 2
					/api/vthreads/collections/wait?count=21            | count     | between 1 and 20
					/api/vthreads/collections/wait?failAt=3            | failAt    | between 0 and 2
					/api/vthreads/collections/wait?returnWhen=FIRST    | returnWhen | ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
					/api/vthreads/collections/wait-for?timeoutMs=0     | timeoutMs | between 1 and 60000
					/api/vthreads/collections/wait-for?delayMs=soon    | delayMs   | an integer between 0 and 10000
					/api/vthreads/collections/as-completed?count=0     | count     | between 1 and 50
					""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.gather, this.wait, this.waitFor, this.asCompleted);
	}

	@Test
	void goodParametersReachTheTwinsAsGiven() {
		given(this.gather.gather(new GatherRequest(4, 250, 2, false)))
			.willReturn(Mono.just(TestReports.named("gather(4, 250, 2, false)")));
		given(this.waitFor.waitFor(new WaitForRequest(900, 80)))
			.willReturn(Mono.just(TestReports.named("waitFor(900, 80)")));
		expectConcept(this.client, "/api/vthreads/collections/gather?count=4&delayMs=250&failAt=2",
				"gather(4, 250, 2, false)");
		given(this.wait.wait(new WaitRequest(ReturnWhen.FIRST_EXCEPTION, 5, 700, 3, 250L)))
			.willReturn(Mono.just(TestReports.named("wait(FIRST_EXCEPTION, 5, 700, 3, 250)")));
		expectConcept(this.client, "/api/vthreads/collections/wait-for?delayMs=900&timeoutMs=80", "waitFor(900, 80)");
		expectConcept(this.client,
				"/api/vthreads/collections/wait?returnWhen=FIRST_EXCEPTION&count=5&delayMs=700&failAt=3&timeoutMs=250",
				"wait(FIRST_EXCEPTION, 5, 700, 3, 250)");
	}

}
