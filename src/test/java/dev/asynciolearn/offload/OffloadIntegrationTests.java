package dev.asynciolearn.offload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.asynciolearn.IntegrationTest;
import dev.asynciolearn.system.BlockingCalls;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.HOP;
import static dev.asynciolearn.timeline.Event.RESUME;
import static dev.asynciolearn.timeline.Event.START;
import static dev.asynciolearn.timeline.Event.SUSPEND;
import static dev.asynciolearn.timeline.TestReports.step;
import static dev.asynciolearn.offload.OffloadServiceTests.isEventLoop;
import static dev.asynciolearn.timeline.TestReports.get;
import static dev.asynciolearn.timeline.TestReports.steps;
import static dev.asynciolearn.timeline.TestReports.threadOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class OffloadIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DataFolder folder;

	@Autowired
	private ToThread toThread;

	@LocalServerPort
	private int port;

	@Test
	void fiftyConcurrentIoCallsOverlapAndFinishFarSoonerThanTheirSum() {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		long start = System.nanoTime();
		List<Window> windows = Flux.range(0, 50).flatMap((i) -> Mono.defer(() -> {
			long sent = System.nanoTime();
			return web.get()
				.uri("/api/offload/io?delayMs=500")
				.retrieve()
				.bodyToMono(Report.class)
				.map((report) -> new Window(sent, System.nanoTime(), report));
		}), 50).collectList().block(Duration.ofSeconds(30));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(windows).hasSize(50);
		assertThat(elapsed).as("50 x 500 ms run concurrently").isLessThan(Duration.ofSeconds(5));
		long lastSent = windows.stream().mapToLong(Window::sent).max().orElseThrow();
		long firstAnswered = windows.stream().mapToLong(Window::answered).min().orElseThrow();
		assertThat(lastSent).as("every request was sent before any answer came back").isLessThan(firstAnswered);
		assertThat(windows).allSatisfy((window) -> {
			assertThat(window.report().elapsedMs()).isGreaterThanOrEqualTo(500);
			assertThat(threadOf(window.report(), "request", START)).matches(OffloadServiceTests::isEventLoop,
					"an event-loop thread");
		});
	}

	@Test
	void theFileIsReadOnBoundedElasticNeverOnTheRequestThread() throws Exception {
		String expected = SlowStorageTests.sha256(this.folder.root().resolve("1MiB.bin"));
		Report<?> report = get(this.client, "/api/offload/file?name=1MiB.bin&latencyMs=20", Object.class);
		assertThat(report.result()).extracting("sha256").isEqualTo(expected);
		assertThat(report.result()).extracting("sizeBytes").isEqualTo(1 << 20);
		assertThat(threadOf(report, "request", START)).matches(OffloadServiceTests::isEventLoop,
				"an event-loop thread");
		assertThat(report.timeline()).filteredOn((event) -> event.task().equals("read") && event.event() != HOP)
			.extracting(TimelineEvent::thread)
			.isNotEmpty()
			.allMatch((thread) -> thread.startsWith("boundedElastic-"));
	}

	@Test
	void mixedShowsTheHopToBoundedElasticAndBack() {
		Report<?> report = get(this.client, "/api/offload/mixed?delayMs=50&name=1KiB.bin&latencyMs=10", Object.class);
		assertThat(steps(report)).containsExactly(step("request", START), step("io-before", SUSPEND),
				step("io-before", RESUME), step("read", HOP), step("read", START), step("read", DONE),
				step("io-after", SUSPEND), step("io-after", RESUME), step("request", DONE));
		assertThat(threadOf(report, "io-before", SUSPEND)).matches(OffloadServiceTests::isEventLoop,
				"an event-loop thread");
		assertThat(threadOf(report, "read", START)).startsWith("boundedElastic-");
		assertThat(threadOf(report, "io-after", RESUME)).startsWith("parallel-");
		assertThat(report.elapsedMs()).isGreaterThanOrEqualTo(110);
	}

	/**
	 * Eight clients at once on the anti-pattern at its longest latency: one blocks an
	 * event loop, the others get a 429 with {@code Retry-After} at once, and liveness
	 * answers within a second more than the cap.
	 */
	@Test
	void theAntiPatternBlocksOneLoopAtATimeForAtMostItsCap() {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		List<ResponseEntity<String>> answers = BlockingCalls.tolerating(() -> {
			Mono<List<ResponseEntity<String>>> calls = Flux.range(0, 8)
				.flatMap((i) -> web.get()
					.uri("/api/offload/file-blocking?name=1KiB.bin&latencyMs=" + BlockingFileRequest.MAX_LATENCY_MS)
					.exchangeToMono((response) -> response.toEntity(String.class)), 8)
				.collectList()
				.cache();
			calls.subscribe();
			long start = System.nanoTime();
			this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody();
			assertThat(Duration.ofNanos(System.nanoTime() - start))
				.isLessThan(Duration.ofMillis(BlockingFileRequest.MAX_LATENCY_MS + 1000));
			return calls.block(Duration.ofSeconds(30));
		});
		assertThat(answers).extracting((answer) -> answer.getStatusCode().value()).containsOnly(200, 429).contains(429);
		assertThat(answers).filteredOn((answer) -> answer.getStatusCode().value() == 429)
			.allSatisfy((answer) -> assertThat(answer.getHeaders().getFirst("Retry-After")).isNotNull());
		// The pause after the last block, before the other tests call it again.
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> BlockingCalls.tolerating(() -> web.get()
				.uri("/api/offload/file-blocking?name=1KiB.bin&latencyMs=0")
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(5))) == 200);
	}

	@Test
	void blockHoundCatchesTheAntiPatternsSleepOnTheEventLoop() {
		int before = BlockingCalls.detected().size();
		this.client.get()
			.uri("/api/offload/file-blocking?name=1KiB.bin&latencyMs=10")
			.exchange()
			.expectStatus()
			.is5xxServerError()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
		assertThat(BlockingCalls.detected().subList(before, BlockingCalls.detected().size()))
			.anyMatch((call) -> call.startsWith("java.lang.Thread.sleep") && isEventLoop(threadIn(call)));
	}

	@Test
	void blockHoundCatchesTheAntiPatternsFileReadOnTheEventLoop() {
		int before = BlockingCalls.detected().size();
		this.client.get()
			.uri("/api/offload/file-blocking?name=1KiB.bin&latencyMs=0")
			.exchange()
			.expectStatus()
			.is5xxServerError()
			.expectBody();
		assertThat(BlockingCalls.detected().subList(before, BlockingCalls.detected().size()))
			.anyMatch((call) -> call.contains("DispatcherImpl.read0") && isEventLoop(threadIn(call)));
	}

	@Test
	void theAntiPatternRunsTheReadOnTheRequestThreadWhenNothingWatches() {
		Report report = BlockingCalls.tolerating(() -> this.client.get()
			.uri("/api/offload/file-blocking?name=1KiB.bin&latencyMs=0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Report.class)
			.returnResult()
			.getResponseBody());
		assertThat(threadOf(report, "read", START)).matches(OffloadServiceTests::isEventLoop, "an event-loop thread");
	}

	@Test
	void theLongTaskStreamTicksWhileTheJobRunsThenSendsTheResult() {
		List<ServerSentEvent<String>> events = this.client.get()
			.uri("/api/offload/long-task?workMs=1000&tickMs=100")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).last().extracting(ServerSentEvent::event).isEqualTo("result");
		assertThat(events.subList(0, events.size() - 1)).extracting(ServerSentEvent::event)
			.hasSizeGreaterThanOrEqualTo(1000 / 100 - 1)
			.containsOnly("tick");
		assertThat(events.get(events.size() - 1).data()).contains("\"workMs\":1000").contains("boundedElastic-");
	}

	@Test
	void aClientThatHangsUpStopsTheTicksAndReleasesTheJobsThread() {
		Flux<ServerSentEvent<String>> stream = WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/offload/long-task?workMs=30000&tickMs=50")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<>() {
			});
		StepVerifier.create(stream).expectNextCount(3).thenCancel().verify(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.toThread.running() == 0);
	}

	@Test
	void theEventLoopAnswersPingsWhileOffloadedReadsWait() {
		WebClient web = WebClient.create("http://localhost:" + this.port);
		Flux<Report> slowReads = Flux.range(0, 8)
			.flatMap((i) -> web.get()
				.uri("/api/offload/file?name=1KiB.bin&latencyMs=3000")
				.retrieve()
				.bodyToMono(Report.class));
		reactor.core.Disposable reads = slowReads.subscribe();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.toThread.running() == 8);
			String pong = web.get().uri("/api/ping").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(5));
			assertThat(pong).isEqualTo("pong");
			assertThat(this.toThread.running()).as("the reads were still waiting").isEqualTo(8);
		}
		finally {
			reads.dispose();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.toThread.running() == 0);
	}

	@Test
	void aSymlinkOutOfTheDataFolderIsNotFound() throws Exception {
		Path link = this.folder.root().resolve("escape-link.txt");
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, Path.of("/etc/hostname"));
		try {
			this.client.get()
				.uri("/api/offload/file?name=escape-link.txt&latencyMs=0")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo("name");
		}
		finally {
			Files.deleteIfExists(link);
		}
	}

	@Test
	void aMissingFileIsNotFound() {
		this.client.get()
			.uri("/api/offload/file?name=missing.bin&latencyMs=0")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("missing.bin"));
	}

	@Test
	void filesListsTheSamples() {
		this.client.get()
			.uri("/api/offload/files")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.name == '1MiB.bin')].sizeBytes")
			.isEqualTo(1 << 20);
	}

	private static String threadIn(String detectedCall) {
		return detectedCall.substring(detectedCall.lastIndexOf(" on ") + 4);
	}

	record Window(long sent, long answered, Report report) {
	}

}
