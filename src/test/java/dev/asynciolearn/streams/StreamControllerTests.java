package dev.asynciolearn.streams;

import reactor.core.publisher.Mono;
import dev.asynciolearn.timeline.TestReports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.BDDMockito.then;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(StreamController.class)
class StreamControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private StreamService streams;

	@MockitoBean
	private ContextManagerService contextManager;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/streams/iterator?count=0                    | count      | between 1 and 1000
			/api/streams/iterator?count=1001                 | count      | between 1 and 1000
			/api/streams/iterator?delayMs=5001               | delayMs    | between 0 and 5000
			/api/streams/generator?count=1000&delayMs=100    | count      | at most 60000 ms
			/api/streams/generator?delayMs=-1                | delayMs    | between 0 and 5000
			/api/streams/context-manager?failInside=perhaps  | failInside | true or false
			/api/streams/context-manager?timeoutMs=0         | timeoutMs  | between 1 and 5000
			""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.streams, this.contextManager);
	}

	@Test
	void streamsAreNdjsonOrServerSentEventsByContentNegotiation() {
		given(this.streams.iterator(new StreamRequest(2, 1)))
			.willReturn(Flux.just(new StreamService.Item(0, 1.0, "t"), new StreamService.Item(1, 2.0, "t")));
		this.client.get()
			.uri("/api/streams/iterator?count=2&delayMs=1")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body.lines()).hasSize(2));
		this.client.get()
			.uri("/api/streams/iterator?count=2&delayMs=1")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody(String.class)
			.value((body) -> assertThat(body).containsSubsequence("data:{\"value\":0", "data:{\"value\":1"));
	}

	@Test
	void goodParametersReachTheServicesAsGiven() {
		given(this.contextManager.run(new ContextManagerRequest(true, 300L)))
			.willReturn(Mono.just(TestReports.named("run(true, 300)")));
		given(this.contextManager.run(new ContextManagerRequest(false, null)))
			.willReturn(Mono.just(TestReports.named("run(false, null)")));
		given(this.streams.generator(new StreamRequest(3, 20))).willReturn(Flux.empty());
		given(this.streams.iterator(new StreamRequest(1000, 60))).willReturn(Flux.empty());
		given(this.streams.iterator(new StreamRequest(60, 1000))).willReturn(Flux.empty());
		expectConcept(this.client, "/api/streams/context-manager?failInside=true&timeoutMs=300", "run(true, 300)");
		expectConcept(this.client, "/api/streams/context-manager", "run(false, null)");
		expectStream("/api/streams/generator?count=3&delayMs=20", 200);
		// count x delayMs of exactly 60000 ms is allowed; one more is not
		expectStream("/api/streams/iterator?count=1000&delayMs=60", 200);
		expectStream("/api/streams/iterator?count=60&delayMs=1000", 200);
		expectStream("/api/streams/iterator?count=1000&delayMs=61", 400);
		then(this.streams).should().generator(new StreamRequest(3, 20));
		then(this.streams).should().iterator(new StreamRequest(1000, 60));
	}

	private void expectStream(String uri, int status) {
		this.client.get().uri(uri).accept(MediaType.APPLICATION_NDJSON).exchange().expectStatus().isEqualTo(status);
	}

}
