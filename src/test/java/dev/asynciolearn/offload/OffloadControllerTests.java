package dev.asynciolearn.offload;

import java.time.Duration;
import java.util.List;

import dev.asynciolearn.offload.OffloadService.Finished;
import dev.asynciolearn.offload.OffloadService.Tick;
import dev.asynciolearn.timeline.Report;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(OffloadController.class)
class OffloadControllerTests {

	private static final Report REPORT = new Report("c", "a", "r", 1.0, "ok", List.of(), 0);

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private OffloadService service;

	@ParameterizedTest(name = "{0} -> {1} names {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/offload/io?delayMs=-1                        | 400 | delayMs   | between 0 and 10000
			/api/offload/io?delayMs=10001                     | 400 | delayMs   | between 0 and 10000
			/api/offload/io?delayMs=abc                       | 400 | delayMs   | an integer between 0 and 10000
			/api/offload/io?delayMs=1.5                       | 400 | delayMs   | an integer between 0 and 10000
			/api/offload/io?delayMs=99999999999999999999      | 400 | delayMs   | an integer between 0 and 10000
			/api/offload/file                                 | 400 | name      | is required
			/api/offload/file?name=                           | 400 | name      | a file name in the data folder
			/api/offload/file?name=../etc/passwd              | 400 | name      | a file name in the data folder
			/api/offload/file?name=/etc/passwd                | 400 | name      | a file name in the data folder
			/api/offload/file?name=%2e%2e%2fetc%2fpasswd      | 400 | name      | a file name in the data folder
			/api/offload/file?name=..%5c..%5cwindows          | 400 | name      | a file name in the data folder
			/api/offload/file?name=.hidden                    | 400 | name      | a file name in the data folder
			/api/offload/file?name=a%00b                      | 400 | name      | a file name in the data folder
			/api/offload/file?name=1KiB.bin&latencyMs=5001    | 400 | latencyMs | between 0 and 5000
			/api/offload/file?name=1KiB.bin&latencyMs=-5      | 400 | latencyMs | between 0 and 5000
			/api/offload/file?name=1KiB.bin&latencyMs=slow    | 400 | latencyMs | an integer between 0 and 5000
			/api/offload/file-blocking?name=a/b               | 400 | name      | a file name in the data folder
			/api/offload/file-blocking?name=1KiB.bin&latencyMs=9999 | 400 | latencyMs | between 0 and 5000
			/api/offload/mixed?name=1KiB.bin&delayMs=10001    | 400 | delayMs   | between 0 and 10000
			/api/offload/mixed?delayMs=10                     | 400 | name      | is required
			/api/offload/long-task?tickMs=5                   | 400 | tickMs    | between 10 and 5000
			/api/offload/long-task?tickMs=x                   | 400 | tickMs    | an integer between 10 and 5000
			/api/offload/long-task?workMs=30001               | 400 | workMs    | between 0 and 30000
			""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, int status, String parameter, String rule) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("'" + parameter + "'").contains(rule));
		verifyNoInteractions(this.service);
	}

	@Test
	void longFileNamesAreRefused() {
		this.client.get()
			.uri("/api/offload/file?name={name}", "a".repeat(101))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("name");
	}

	@Test
	void ioPassesTheDelay() {
		given(this.service.io(Duration.ofMillis(250))).willReturn(Mono.just(REPORT));
		expectReport("/api/offload/io?delayMs=250");
	}

	@Test
	void fileUsesTheConfiguredLatencyWhenNoneIsGiven() {
		given(this.service.defaultLatency()).willReturn(Duration.ofMillis(50));
		given(this.service.file(any(), any())).willReturn(Mono.just(REPORT));
		expectReport("/api/offload/file?name=1KiB.bin");
		then(this.service).should().file("1KiB.bin", Duration.ofMillis(50));
	}

	@Test
	void mixedPassesAllItsParameters() {
		given(this.service.mixed(any(), any(), any())).willReturn(Mono.just(REPORT));
		expectReport("/api/offload/mixed?delayMs=20&name=1MiB.bin&latencyMs=0");
		then(this.service).should().mixed(Duration.ofMillis(20), "1MiB.bin", Duration.ZERO);
	}

	@Test
	void longTaskStreamsTicksThenTheResultAsServerSentEvents() {
		given(this.service.longTask(Duration.ofMillis(300), Duration.ofMillis(100))).willReturn(
				Flux.just(new Tick(0, 0.1, "parallel-1"), new Tick(1, 100.2, "parallel-1"), new Finished(REPORT)));
		String body = this.client.get()
			.uri("/api/offload/long-task?workMs=300&tickMs=100")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).containsSubsequence("event:tick", "\"n\":0", "event:tick", "\"n\":1", "event:result",
				"\"result\":\"ok\"");
	}

	@Test
	void theBlockingReadAndTheListingReachTheService() {
		given(this.service.fileBlocking("16MiB.bin", Duration.ofMillis(7))).willReturn(Mono.just(REPORT));
		given(this.service.files()).willReturn(Mono.just(List.of(new DataFolder.DataFile("1KiB.bin", 1024))));
		expectReport("/api/offload/file-blocking?name=16MiB.bin&latencyMs=7");
		this.client.get()
			.uri("/api/offload/files")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].name")
			.isEqualTo("1KiB.bin")
			.jsonPath("$[0].sizeBytes")
			.isEqualTo(1024);
	}

	@Test
	void aMissingFileIsA404NamingTheParameter() {
		given(this.service.defaultLatency()).willReturn(Duration.ZERO);
		given(this.service.file(any(), any())).willReturn(Mono.error(new DataFileNotFoundException("nope.bin")));
		this.client.get()
			.uri("/api/offload/file?name=nope.bin")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("File not found")
			.jsonPath("$.parameter")
			.isEqualTo("name");
	}

	private void expectReport(String uri) {
		this.client.get().uri(uri).exchange().expectStatus().isOk().expectBody().jsonPath("$.result").isEqualTo("ok");
	}

}
