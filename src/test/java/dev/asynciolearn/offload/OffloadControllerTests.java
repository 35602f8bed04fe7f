package dev.asynciolearn.offload;

import java.util.List;

import dev.asynciolearn.offload.LongTaskService.Finished;
import dev.asynciolearn.offload.LongTaskService.Tick;
import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.timeline.TestReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(OffloadController.class)
class OffloadControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private OffloadService service;

	@MockitoBean
	private LongTaskService longTask;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/offload/io?delayMs=-1                        | delayMs   | between 0 and 10000
			/api/offload/io?delayMs=10001                     | delayMs   | between 0 and 10000
			/api/offload/io?delayMs=abc                       | delayMs   | an integer between 0 and 10000
			/api/offload/io?delayMs=1.5                       | delayMs   | an integer between 0 and 10000
			/api/offload/io?delayMs=99999999999999999999      | delayMs   | an integer between 0 and 10000
			/api/offload/file                                 | name      | is required
			/api/offload/file?name=                           | name      | a file name in the data folder
			/api/offload/file?name=../etc/passwd              | name      | a file name in the data folder
			/api/offload/file?name=/etc/passwd                | name      | a file name in the data folder
			/api/offload/file?name=%2e%2e%2fetc%2fpasswd      | name      | a file name in the data folder
			/api/offload/file?name=..%5c..%5cwindows          | name      | a file name in the data folder
			/api/offload/file?name=.hidden                    | name      | a file name in the data folder
			/api/offload/file?name=a%00b                      | name      | a file name in the data folder
			/api/offload/file?name=1KiB.bin&latencyMs=5001    | latencyMs | between 0 and 5000
			/api/offload/file?name=1KiB.bin&latencyMs=-5      | latencyMs | between 0 and 5000
			/api/offload/file?name=1KiB.bin&latencyMs=slow    | latencyMs | an integer between 0 and 5000
			/api/offload/file-blocking?name=a/b               | name      | a file name in the data folder
			/api/offload/file-blocking?name=1KiB.bin&latencyMs=1001 | latencyMs | between 0 and 1000
			/api/offload/mixed?name=1KiB.bin&delayMs=10001    | delayMs   | between 0 and 10000
			/api/offload/mixed?delayMs=10                     | name      | is required
			/api/offload/long-task?tickMs=5                   | tickMs    | between 10 and 5000
			/api/offload/long-task?tickMs=x                   | tickMs    | an integer between 10 and 5000
			/api/offload/long-task?workMs=30001               | workMs    | between 0 and 30000
			""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.service, this.longTask);
	}

	@Test
	void longFileNamesAreRefused() {
		expectProblem(this.client, "/api/offload/file?name=" + "a".repeat(101), "name",
				"a file name in the data folder");
	}

	@Test
	void ioPassesTheDelay() {
		given(this.service.io(new IoRequest(250))).willReturn(Mono.just(TestReports.named("io(250)")));
		expectConcept(this.client, "/api/offload/io?delayMs=250", "io(250)");
	}

	@Test
	void fileLeavesTheLatencyToTheServiceWhenNoneIsGiven() {
		given(this.service.file(new FileRequest("1KiB.bin", null))).willReturn(Mono.just(TestReports.named("file")));
		expectConcept(this.client, "/api/offload/file?name=1KiB.bin", "file");
	}

	@Test
	void mixedPassesAllItsParameters() {
		given(this.service.mixed(new MixedRequest(20, "1MiB.bin", 0L)))
			.willReturn(Mono.just(TestReports.named("mixed(20, 1MiB.bin, 0)")));
		expectConcept(this.client, "/api/offload/mixed?delayMs=20&name=1MiB.bin&latencyMs=0", "mixed(20, 1MiB.bin, 0)");
	}

	@Test
	void longTaskStreamsTicksThenTheResultAsServerSentEvents() {
		given(this.longTask.longTask(new LongTaskRequest(300, 100)))
			.willReturn(Flux.just(new Tick(0, 0.1, "parallel-1"), new Tick(1, 100.2, "parallel-1"),
					new Finished(TestReports.named("long"))));
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
				"\"concept\":\"long\"");
	}

	@Test
	void theBlockingReadAndTheListingReachTheService() {
		given(this.service.fileBlocking(new BlockingFileRequest("16MiB.bin", 7L)))
			.willReturn(Mono.just(TestReports.named("fileBlocking(16MiB.bin, 7)")));
		given(this.service.files()).willReturn(Mono.just(List.of(new DataFolder.DataFile("1KiB.bin", 1024))));
		expectConcept(this.client, "/api/offload/file-blocking?name=16MiB.bin&latencyMs=7",
				"fileBlocking(16MiB.bin, 7)");
		this.client.get()
			.uri("/api/offload/files")
			.exchange()
			.expectBodyList(DataFolder.DataFile.class)
			.contains(new DataFolder.DataFile("1KiB.bin", 1024))
			.hasSize(1);
	}

	@Test
	void aMissingFileIsA404NamingTheParameter() {
		given(this.service.file(new FileRequest("nope.bin", null))).willReturn(
				Mono.error(ApiProblem.notFound("File not found", "name", "Parameter 'name': no file 'nope.bin'")));
		expectProblem(this.client.get().uri("/api/offload/file?name=nope.bin"), HttpStatus.NOT_FOUND, "name",
				"nope.bin");
	}

}
