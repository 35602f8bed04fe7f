package dev.asynciolearn.timeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reports and timelines in tests: reports for controller slices, whose services are
 * mocks; the check that one reached the client; and a report's timeline as
 * {@code task: event detail} steps, written with the shared {@link Event} vocabulary.
 */
public final class TestReports {

	private TestReports() {
	}

	/**
	 * A report that says which call produced it.
	 * @param <R> whatever result type the mocked service declares
	 * @param concept the call, e.g. {@code "gather(3, 300, 1, true)"}
	 * @return a report with that concept and nothing else of note
	 */
	public static <R> Report<R> named(String concept) {
		return new Report<>(concept, "asyncio", "reactor", 1.0, null, List.of(), 0);
	}

	/**
	 * Runs a demo in virtual time and checks its timing claim: nothing happens before
	 * {@code at}, then the report comes and the demo completes.
	 * @param <R> the demo's result
	 * @param at when the report must come, in virtual time
	 * @param demo builds the demo, inside the virtual clock
	 * @return the report
	 */
	public static <R> Report<R> reportAt(Duration at, Supplier<Mono<Report<R>>> demo) {
		AtomicReference<Report<R>> report = new AtomicReference<>();
		StepVerifier.Step<Report<R>> subscribed = StepVerifier.withVirtualTime(demo).expectSubscription();
		(at.isZero() ? subscribed : subscribed.expectNoEvent(at)).consumeNextWith(report::set)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		return report.get();
	}

	/**
	 * Runs a demo in virtual time for {@code time}, by which its report must have come.
	 * @param <R> the demo's result
	 * @param time how much virtual time to let pass
	 * @param demo builds the demo, inside the virtual clock
	 * @return the report
	 */
	public static <R> Report<R> reportWithin(Duration time, Supplier<Mono<Report<R>>> demo) {
		AtomicReference<Report<R>> report = new AtomicReference<>();
		StepVerifier.withVirtualTime(demo)
			.thenAwait(time)
			.consumeNextWith(report::set)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		return report.get();
	}

	/**
	 * The report of a demo that runs in real time, as the virtual-thread twins do: they
	 * block real threads, which no virtual clock can move.
	 * @param <R> the demo's result
	 * @param demo the demo
	 * @return the report
	 */
	public static <R> Report<R> reportInRealTime(Mono<Report<R>> demo) {
		AtomicReference<Report<R>> report = new AtomicReference<>();
		StepVerifier.create(demo).consumeNextWith(report::set).expectComplete().verify(Duration.ofSeconds(20));
		return report.get();
	}

	/**
	 * {@code GET uri} answers {@code 200} with the report named {@code concept}: the
	 * controller passed its parameters on as the mock expected them.
	 * @param client the slice's client
	 * @param uri the request
	 * @param concept the name of the report the mock returns for the expected call
	 */
	public static void expectConcept(WebTestClient client, String uri, String concept) {
		client.get().uri(uri).exchange().expectStatus().isOk().expectBody().jsonPath("$.concept").isEqualTo(concept);
	}

	/**
	 * {@code GET uri} answers {@code 2xx} with a report whose result is a {@code result}.
	 * @param <R> the result's type
	 * @param client the client
	 * @param uri the request
	 * @param result the result's type
	 * @return the report
	 */
	public static <R> Report<R> get(WebTestClient client, String uri, Class<R> result) {
		return exchange(client.get().uri(uri), result);
	}

	/**
	 * {@code request} answers {@code 2xx} with a report whose result is a {@code result}.
	 * @param <R> the result's type
	 * @param request the request, ready to exchange
	 * @param result the result's type
	 * @return the report
	 */
	public static <R> Report<R> exchange(WebTestClient.RequestHeadersSpec<?> request, Class<R> result) {
		ParameterizedTypeReference<Report<R>> type = ParameterizedTypeReference
			.forType(ResolvableType.forClassWithGenerics(Report.class, result).getType());
		Report<R> report = request.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(type)
			.returnResult()
			.getResponseBody();
		if (report == null) {
			throw new AssertionError("No report in the response");
		}
		return report;
	}

	/**
	 * The report's timeline, one {@link TimelineEvent#step()} per event, in time order.
	 * @param report the report
	 * @return e.g. {@code ["job-0: start", "worker-1: read 0"]}
	 */
	public static List<String> steps(Report<?> report) {
		return report.timeline().stream().map(TimelineEvent::step).toList();
	}

	/**
	 * A step as {@link #steps(Report)} writes it.
	 * @param task the task
	 * @param event what happened
	 * @return e.g. {@code "job-0: start"}
	 */
	public static String step(String task, Event event) {
		return step(task, event, null);
	}

	/**
	 * A step with its detail, as {@link #steps(Report)} writes it.
	 * @param task the task
	 * @param event what happened
	 * @param detail what it concerned
	 * @return e.g. {@code "worker-1: read 0"}
	 */
	public static String step(String task, Event event, @Nullable Object detail) {
		return new TimelineEvent(0, task, event, (detail != null) ? detail.toString() : null, "").step();
	}

	/**
	 * The thread that recorded the first {@code event} of {@code task}.
	 * @param report the report
	 * @param task the task
	 * @param event what happened
	 * @return the thread's name
	 */
	public static String threadOf(Report<?> report, String task, Event event) {
		return eventOf(report, task, event).thread();
	}

	/**
	 * The first {@code event} of {@code task}.
	 * @param report the report
	 * @param task the task
	 * @param event what happened
	 * @return the event, with its thread and carrier
	 */
	public static TimelineEvent eventOf(Report<?> report, String task, Event event) {
		return report.timeline()
			.stream()
			.filter((e) -> e.task().equals(task) && e.event() == event)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + step(task, event) + " in " + steps(report)));
	}

}
