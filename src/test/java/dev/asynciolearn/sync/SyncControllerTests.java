package dev.asynciolearn.sync;

import reactor.core.publisher.Mono;
import org.junit.jupiter.api.Test;
import dev.asynciolearn.timeline.TestReports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.asynciolearn.system.ProblemAssertions.expectProblem;
import static dev.asynciolearn.timeline.TestReports.expectConcept;
import static org.mockito.BDDMockito.given;
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
			/api/sync/queue?items=10000&consumeMs=1000          | items         | at most 60000 ms
			/api/sync/queue?consumeMs=1001                      | consumeMs     | between 0 and 1000
			/api/sync/lock?workers=0                            | workers       | between 1 and 1000
			/api/sync/lock?useLock=sometimes                    | useLock       | true or false
			/api/sync/semaphore?permits=0                       | permits       | between 1 and 100
			/api/sync/semaphore?workers=1000&permits=1&holdMs=61 | holdMs       | at most 60000 ms
			/api/sync/event?waiters=1001                        | waiters       | between 1 and 1000
			/api/sync/event?setAfterMs=10001                    | setAfterMs    | between 0 and 10000
			""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.queue, this.lock, this.semaphore, this.event);
	}

	@Test
	void goodParametersReachTheServicesAsGiven() {
		given(this.queue.run(new QueueRequest(AsyncQueue.Kind.LIFO, 3, 2, 4, 40, 5, 50)))
			.willReturn(Mono.just(TestReports.named("queue(LIFO, 3, 2, 4, 40, 5, 50)")));
		given(this.lock.run(new LockRequest(30, false))).willReturn(Mono.just(TestReports.named("lock(30, false)")));
		given(this.semaphore.run(new SemaphoreRequest(100, 10, 600)))
			.willReturn(Mono.just(TestReports.named("semaphore(100, 10, 600)")));
		given(this.event.run(new EventRequest(7, 150))).willReturn(Mono.just(TestReports.named("event(7, 150)")));
		expectConcept(this.client, "/api/sync/queue?kind=LIFO&maxsize=3&producers=2&consumers=4&items=40&consumeMs=5"
				+ "&consumersStartAfterMs=50", "queue(LIFO, 3, 2, 4, 40, 5, 50)");
		expectConcept(this.client, "/api/sync/lock?workers=30&useLock=false", "lock(30, false)");
		// ceil(100 / 10) x 600 ms = 6000 ms: within the limit
		expectConcept(this.client, "/api/sync/semaphore?workers=100&permits=10&holdMs=600", "semaphore(100, 10, 600)");
		expectConcept(this.client, "/api/sync/event?waiters=7&setAfterMs=150", "event(7, 150)");
	}

	@Test
	void runsOfExactlySixtySecondsAreAcceptedAndOneMillisecondMoreIsNot() {
		// ceil(1200 / 2) x 100 ms + 0 ms = 60000 ms
		given(this.queue.run(new QueueRequest(AsyncQueue.Kind.FIFO, 2, 1, 2, 1200, 100, 0)))
			.willReturn(Mono.just(TestReports.named("queue of 60000 ms")));
		expectConcept(this.client,
				"/api/sync/queue?maxsize=2&consumers=2&items=1200&consumeMs=100&consumersStartAfterMs=0",
				"queue of 60000 ms");
		// ceil(1199 / 2) = 600 rounds, not 599: 1 + 600 x 100 = 60001 ms
		expectBadRequest("/api/sync/queue?maxsize=2&consumers=2&items=1199&consumeMs=100&consumersStartAfterMs=1");
		// 12 x 5000 ms = 60000 ms
		given(this.semaphore.run(new SemaphoreRequest(12, 1, 5000)))
			.willReturn(Mono.just(TestReports.named("semaphore of 60000 ms")));
		expectConcept(this.client, "/api/sync/semaphore?workers=12&permits=1&holdMs=5000", "semaphore of 60000 ms");
		// ceil(25 / 2) = 13 rounds, not 12: 13 x 4616 = 60008 ms
		expectBadRequest("/api/sync/semaphore?workers=25&permits=2&holdMs=4616");
	}

	private void expectBadRequest(String uri) {
		expectProblem(this.client, uri, uri.contains("semaphore") ? "holdMs" : "items", "at most 60000 ms");
	}

}
