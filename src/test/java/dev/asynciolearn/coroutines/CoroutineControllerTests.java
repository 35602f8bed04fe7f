package dev.asynciolearn.coroutines;

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

@WebFluxTest(CoroutineController.class)
class CoroutineControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private CoroutineService coroutines;

	@MockitoBean
	private ScaleService scale;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/coroutines/scale?count=0            | count   | between 1 and 100000
			/api/coroutines/scale?count=100001       | count   | between 1 and 100000
			/api/coroutines/scale?delayMs=10001      | delayMs | between 0 and 10000
			/api/coroutines/scale?delayMs=soon       | delayMs | an integer between 0 and 10000
			/api/coroutines/scale-threads?count=2001 | count   | between 1 and 2000
			""")
	void badParametersAreProblems(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.scale);
	}

	@Test
	void goodParametersReachTheServicesAsGiven() {
		given(this.scale.monos(new ScaleRequest(5000, 250))).willReturn(Mono.just(TestReports.named("monos")));
		given(this.scale.compare(new ScaleThreadsRequest(300, 50))).willReturn(Mono.just(TestReports.named("compare")));
		given(this.coroutines.awaitOrder()).willReturn(Mono.just(TestReports.named("awaitOrder")));
		given(this.coroutines.lazy()).willReturn(Mono.just(TestReports.named("lazy")));
		expectConcept(this.client, "/api/coroutines/scale?count=5000&delayMs=250", "monos");
		expectConcept(this.client, "/api/coroutines/scale-threads?count=300&delayMs=50", "compare");
		expectConcept(this.client, "/api/coroutines/await", "awaitOrder");
		expectConcept(this.client, "/api/coroutines/lazy", "lazy");
	}

}
