package dev.asynciolearn.sync;

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
 * The virtual-thread twins take the same queries, under the same rules, as the Reactor
 * ones.
 */
@WebFluxTest(VirtualThreadSyncController.class)
class VirtualThreadSyncControllerTests {

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private QueueOnVirtualThreads queue;

	@MockitoBean
	private LockOnVirtualThreads lock;

	@MockitoBean
	private SemaphoreOnVirtualThreads semaphore;

	@MockitoBean
	private EventOnVirtualThreads event;

	@ParameterizedTest(name = "{0} -> names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/vthreads/sync/queue?kind=STACK                          | kind     | FIFO, LIFO, PRIORITY
			/api/vthreads/sync/queue?items=10000&consumeMs=1000          | items    | at most 60000 ms
			/api/vthreads/sync/lock?workers=0                            | workers  | between 1 and 1000
			/api/vthreads/sync/lock?useLock=sometimes                    | useLock  | true or false
			/api/vthreads/sync/semaphore?permits=101                     | permits  | between 1 and 100
			/api/vthreads/sync/semaphore?workers=1000&permits=1&holdMs=61 | holdMs  | at most 60000 ms
			/api/vthreads/sync/event?waiters=1001                        | waiters  | between 1 and 1000
			""")
	void badInputIsAProblemNamingTheParameterAndItsRange(String uri, String parameter, String rule) {
		expectProblem(this.client, uri, parameter, rule);
		verifyNoInteractions(this.queue, this.lock, this.semaphore, this.event);
	}

	@Test
	void goodParametersReachTheTwinsAsGiven() {
		given(this.queue.run(new QueueRequest(AsyncQueue.Kind.LIFO, 3, 2, 4, 40, 5, 50)))
			.willReturn(Mono.just(TestReports.named("queue(LIFO, 3, 2, 4, 40, 5, 50)")));
		given(this.event.run(new EventRequest(7, 150))).willReturn(Mono.just(TestReports.named("event(7, 150)")));
		given(this.lock.run(new LockRequest(30, true))).willReturn(Mono.just(TestReports.named("lock(30, true)")));
		given(this.semaphore.run(new SemaphoreRequest(100, 10, 600)))
			.willReturn(Mono.just(TestReports.named("semaphore(100, 10, 600)")));
		expectConcept(this.client, "/api/vthreads/sync/queue?kind=LIFO&maxsize=3&producers=2&consumers=4&items=40"
				+ "&consumeMs=5&consumersStartAfterMs=50", "queue(LIFO, 3, 2, 4, 40, 5, 50)");
		expectConcept(this.client, "/api/vthreads/sync/event?waiters=7&setAfterMs=150", "event(7, 150)");
		expectConcept(this.client, "/api/vthreads/sync/lock?workers=30&useLock=true", "lock(30, true)");
		expectConcept(this.client, "/api/vthreads/sync/semaphore?workers=100&permits=10&holdMs=600",
				"semaphore(100, 10, 600)");
	}

}
