package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.timeline.TestReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.system.ProblemAssertions.expectRetryLater;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(DatabaseController.class)
class DatabaseControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private TableGate gate;

	@MockitoBean
	private RecordService records;

	@MockitoBean
	private SemaphoreDemoService semaphore;

	@MockitoBean
	private ConnectionDemoService connection;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/db/semaphore?callers=0             | callers | between 1 and 1000
			/api/db/semaphore?callers=1001          | callers | between 1 and 1000
			/api/db/semaphore?callers=many          | callers | an integer between 1 and 1000
			/api/db/semaphore?permits=0             | permits | between 1 and 50
			/api/db/semaphore?permits=51            | permits | between 1 and 50
			/api/db/semaphore?queryMs=-1            | queryMs | between 0 and 5000
			/api/db/semaphore?queryMs=5001          | queryMs | between 0 and 5000
			/api/db/semaphore?callers=1000&permits=1&queryMs=61 | queryMs | at most 60000 ms
			/api/db/semaphore?scope=CLUSTER         | scope   | PROCESS, DATABASE
			""")
	void badSemaphoreParametersAreProblems(String uri, String parameter, String rule) {
		expectProblem(this.client.post().uri(uri), HttpStatus.BAD_REQUEST, parameter, rule);
		verifyNoInteractions(this.semaphore);
	}

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/db/records?limit=0                  | limit      | between 1 and 1000
			/api/db/records?limit=1001               | limit      | between 1 and 1000
			/api/db/records?limit=all                | limit      | an integer between 1 and 1000
			/api/db/records?limit=0x10               | limit      | an integer between 1 and 1000
			/api/db/records?limit=+5                 | limit      | an integer between 1 and 1000
			/api/db/records?limit=１０                | limit      | an integer between 1 and 1000
			/api/db/records?limit=1e2                | limit      | an integer between 1 and 1000
			/api/db/connection?failInside=sometimes  | failInside | true or false
			""")
	void badQueryParametersAreProblems(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.records, this.connection);
	}

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			'{"payload": ""}'         | payload | must not be blank
			'{"payload": "   "}'      | payload | must not be blank
			'{}'                      | payload | must not be blank
			'{"payload": "a\\u0000b"}'  | payload | must not contain NUL characters
			'{"payload": '            | body    | not valid JSON
			'{"payload": false}'      | payload | a JSON string, in quotes
			'{"payload": 12}'         | payload | a JSON string, in quotes
			'[1, 2]'                  | body    | not valid JSON
			""")
	void badBodiesAreProblems(String body, String parameter, String rule) {
		expectProblem(this.client.post().uri("/api/db/records").contentType(MediaType.APPLICATION_JSON).bodyValue(body),
				HttpStatus.BAD_REQUEST, parameter, rule);
		verifyNoInteractions(this.records);
	}

	@Test
	void aPayloadLongerThanTheLimitIsRefused() {
		this.client.post()
			.uri("/api/db/records")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"payload\": \"" + "x".repeat(NewRecord.MAX_LENGTH + 1) + "\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("at most 1000 characters"));
	}

	@Test
	void aBodyLargerThanTheCodecLimitIsRefusedWithoutBeingBuffered() {
		this.client.post()
			.uri("/api/db/records")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"payload\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isIn(400, 413));
		verifyNoInteractions(this.records);
	}

	@Test
	void aWriteAnswers201WithItsReport() {
		given(this.records.create(new NewRecord("hello"))).willReturn(Mono.just(TestReports.named("create(hello)")));
		this.client.post()
			.uri("/api/db/records")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"payload\": \"hello\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.concept")
			.isEqualTo("create(hello)");
	}

	@Test
	void aClosedGateIsA503WithRetryAfter() {
		given(this.records.list(new RecordsQuery(20))).willReturn(Mono.error(TableGate.closed(Duration.ofSeconds(30))));
		expectRetryLater(this.client.get().uri("/api/db/records"), HttpStatus.SERVICE_UNAVAILABLE, "Table not ready");
	}

	@Test
	void noConnectionPermitIsA503WithRetryAfter() {
		given(this.connection.connection(new ConnectionRequest(false)))
			.willReturn(Mono.error(PermitConnectionFactory.noPermit(Duration.ofSeconds(30))));
		expectRetryLater(this.client.get().uri("/api/db/connection"), HttpStatus.SERVICE_UNAVAILABLE,
				"No database connection available");
	}

	@Test
	void theSemaphoreDemoTakesItsDefaults() {
		given(this.semaphore.run(new SemaphoreDemoRequest(100, 10, 100, PermitScope.PROCESS)))
			.willReturn(Mono.just(TestReports.named("run(100, 10, 100)")));
		this.client.post()
			.uri("/api/db/semaphore")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.concept")
			.isEqualTo("run(100, 10, 100)");
	}

}
