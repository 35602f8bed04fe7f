package dev.asynciolearn.streams;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import dev.asynciolearn.workbook.Attempt;
import dev.asynciolearn.workbook.streams.AsyncGenerator;
import dev.asynciolearn.workbook.streams.AsyncIterator;
import dev.asynciolearn.workbook.streams.AsyncWith;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chapter 4 as the learner wrote it ({@code -Pworkbook}): the learner's iterator,
 * generator and {@code async with}, pulled and timed as the demos beside them are.
 */
@RestController
@RequestMapping("/api/workbook/streams")
@Tag(name = "workbook", description = "the workbook's exercises as you wrote them (with -Pworkbook)")
class WorkbookStreamsController {

	private final AsyncIterator iterator = new AsyncIterator();

	private final AsyncGenerator generator = new AsyncGenerator();

	private final AsyncWith asyncWith = new AsyncWith();

	@Operation(summary = "Your AsyncIterator's count, pulled by async for: each __anext__ and each item got, "
			+ "collected")
	@GetMapping("/iterator")
	Mono<Report<Attempt<List<Integer>>>> iterator(@ParameterObject StreamRequest request) {
		return Attempt.run(Attempt.yours(StreamService.ITERATOR, "AsyncIterator#count"),
				(timeline) -> this.iterator
					.count(request.count(), Duration.ofMillis(request.delayMs()),
							(i) -> timeline.event("__anext__", Event.CALL, i))
					.doOnNext((value) -> timeline.event("async for", Event.GOT, value))
					.collectList());
	}

	@Operation(summary = "Your AsyncGenerator's lines, read from a source that records each read and its close, "
			+ "consumed one per delayMs")
	@GetMapping("/generator")
	Mono<Report<Attempt<List<String>>>> generator(@ParameterObject StreamRequest request) {
		return Attempt.run(Attempt.yours(StreamService.GENERATOR, "AsyncGenerator#lines"),
				(timeline) -> this.generator
					.lines(source(timeline, request.count()), () -> timeline.event("source", Event.DONE, "closed"))
					.delayElements(Duration.ofMillis(request.delayMs()))
					.doOnNext((line) -> timeline.event("async for", Event.GOT, line))
					.collectList());
	}

	@Operation(summary = "Your AsyncWith around the session of GET /api/streams/context-manager: __aenter__ 50 ms, "
			+ "the body 100 ms, __aexit__ 50 ms; timeoutMs cancels the block")
	@GetMapping("/context-manager")
	Mono<Report<Attempt<String>>> contextManager(@ParameterObject ContextManagerRequest request) {
		Duration step = ContextManagerService.STEP;
		return Attempt.run(Attempt.yours(ContextManagerService.CONTEXT_MANAGER, "AsyncWith#asyncWith"), (timeline) -> {
			Mono<String> block = this.asyncWith.asyncWith(
					Mono.delay(step).thenReturn("session").transform(timeline.task("__aenter__", Event.START, Event.DONE)),
					(session) -> Mono.delay(step.multipliedBy(2))
						.then(request.failInside() ? Mono.<String>error(new IllegalStateException("raised inside 'async with'"))
								: Mono.just(session + " used"))
						.transform(timeline.task("body", Event.START, Event.DONE)),
					(session) -> Mono.delay(step).transform(timeline.task("__aexit__", Event.CALL, Event.DONE)).then());
			return (request.timeoutMs() != null) ? block.timeout(Duration.ofMillis(request.timeoutMs())) : block;
		});
	}

	/** Lines {@code line 0}, {@code line 1}...; each read is recorded. */
	private static Iterator<String> source(Timeline timeline, int count) {
		Iterator<String> lines = IntStream.range(0, count).mapToObj((i) -> "line " + i).iterator();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return lines.hasNext();
			}

			@Override
			public String next() {
				String line = lines.next();
				timeline.event("source", Event.READ, line);
				return line;
			}

		};
	}

}
