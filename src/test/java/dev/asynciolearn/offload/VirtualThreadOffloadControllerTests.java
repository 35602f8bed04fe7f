package dev.asynciolearn.offload;

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
 * The virtual-thread twins take the same queries, under the same rules (no path outside
 * the data folder either), as the Reactor ones.
 */
@WebFluxTest(VirtualThreadOffloadController.class)
class VirtualThreadOffloadControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private OffloadOnVirtualThreads service;

	@MockitoBean
	private LongTaskOnVirtualThreads longTask;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/vthreads/offload/io?delayMs=10001                     | delayMs   | between 0 and 10000
			/api/vthreads/offload/file                                 | name      | is required
			/api/vthreads/offload/file?name=../etc/passwd              | name      | a file name in the data folder
			/api/vthreads/offload/file?name=%2e%2e%2fetc%2fpasswd      | name      | a file name in the data folder
			/api/vthreads/offload/file?name=1KiB.bin&latencyMs=5001    | latencyMs | between 0 and 5000
			/api/vthreads/offload/mixed?name=1KiB.bin&delayMs=10001    | delayMs   | between 0 and 10000
			/api/vthreads/offload/long-task?tickMs=9                   | tickMs    | between 10 and 5000
			""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.service, this.longTask);
	}

	@Test
	void goodParametersReachTheTwinsAsGiven() {
		given(this.service.io(new IoRequest(250))).willReturn(Mono.just(TestReports.named("io(250)")));
		given(this.service.file(new FileRequest("1KiB.bin", 20L)))
			.willReturn(Mono.just(TestReports.named("file(1KiB.bin, 20)")));
		given(this.service.mixed(new MixedRequest(30, "1KiB.bin", null)))
			.willReturn(Mono.just(TestReports.named("mixed(30, 1KiB.bin)")));
		expectConcept(this.client, "/api/vthreads/offload/io?delayMs=250", "io(250)");
		expectConcept(this.client, "/api/vthreads/offload/file?name=1KiB.bin&latencyMs=20", "file(1KiB.bin, 20)");
		expectConcept(this.client, "/api/vthreads/offload/mixed?delayMs=30&name=1KiB.bin", "mixed(30, 1KiB.bin)");
	}

}
