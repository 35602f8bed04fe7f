package dev.asynciolearn.sync;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

@WebFluxTest(SyncController.class)
class SyncControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private QueueService queue;

	@MockitoBean
	private LockService lock;

	@MockitoBean
	private SemaphoreService semaphore;

	@MockitoBean
	private EventService event;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/sync/queue?kind=STACK                          | kind          | FIFO, LIFO, PRIORITY
			/api/sync/queue?maxsize=0                           | maxsize       | between 1 and 1000
			/api/sync/queue?producers=51                        | producers     | between 1 and 50
			/api/sync/queue?consumers=0                         | consumers     | between 1 and 50
			/api/sync/queue?items=10001                         | items         | between 1 and 10000
			/api/sync/queue?items=10000&consumeMs=1000          | items         | more than 60000 ms
			/api/sync/queue?consumeMs=1001                      | consumeMs     | between 0 and 1000
			/api/sync/lock?workers=0                            | workers       | between 1 and 1000
			/api/sync/lock?useLock=sometimes                    | useLock       | true or false
			/api/sync/semaphore?permits=0                       | permits       | between 1 and 100
			/api/sync/semaphore?workers=1000&permits=1&holdMs=61 | holdMs       | at most 60000 ms
			/api/sync/event?waiters=1001                        | waiters       | between 1 and 1000
			/api/sync/event?setAfterMs=10001                    | setAfterMs    | between 0 and 10000
			""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains(rule));
		verifyNoInteractions(this.queue, this.lock, this.semaphore, this.event);
	}

}
