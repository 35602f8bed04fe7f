package dev.asynciolearn.tasks;

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

@WebFluxTest(VirtualThreadTaskController.class)
class VirtualThreadTaskControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private InterleaveOnVirtualThreads interleave;

	@Test
	void badInputIsAProblemNamingTheParameterAndItsRange() {
		expectProblem(this.client, "/api/vthreads/tasks/interleave?steps=101", "steps", "between 1 and 100");
		verifyNoInteractions(this.interleave);
	}

	@Test
	void goodParametersReachTheTwinAsGiven() {
		given(this.interleave.interleave(new InterleaveRequest(4, false)))
			.willReturn(Mono.just(TestReports.named("interleave(4, false)")));
		expectConcept(this.client, "/api/vthreads/tasks/interleave?steps=4&suspend=false", "interleave(4, false)");
	}

}
