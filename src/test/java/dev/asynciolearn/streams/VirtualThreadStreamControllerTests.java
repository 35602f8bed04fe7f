package dev.asynciolearn.streams;

import dev.asynciolearn.timeline.TestReports;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(VirtualThreadStreamController.class)
class VirtualThreadStreamControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private StreamsOnVirtualThreads streams;

	@MockitoBean
	private ContextManagerOnVirtualThreads contextManager;

	@Test
	void badInputIsAProblemNamingTheParameterAndItsRange() {
		expectProblem(this.client, "/api/vthreads/streams/context-manager?timeoutMs=0", "timeoutMs",
				"between 1 and 5000");
		expectProblem(this.client, "/api/vthreads/streams/iterator?count=0", "count", "between 1 and 1000");
		expectProblem(this.client, "/api/vthreads/streams/generator?count=1000&delayMs=5000", "count",
				"at most 60000 ms");
		verifyNoInteractions(this.streams, this.contextManager);
	}

	@Test
	void goodParametersReachTheTwinAsGiven() {
		given(this.contextManager.run(new ContextManagerRequest(true, 80L)))
			.willReturn(Mono.just(TestReports.named("contextManager(true, 80)")));
		expectConcept(this.client, "/api/vthreads/streams/context-manager?failInside=true&timeoutMs=80",
				"contextManager(true, 80)");
	}

}
