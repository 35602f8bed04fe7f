package dev.asynciolearn.workbook.streams;

import java.util.Iterator;

import reactor.core.publisher.Flux;

/**
 * The reference solution of the async generator exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class AsyncGenerator {

	/**
	 * {@code lines(source)}: {@code Flux.generate} calls its generator once per item
	 * requested, with the state (here the source) it returned the last time, like a
	 * generator's frame resumed at each {@code __anext__}; its third argument is the
	 * {@code finally}, run once whether the lines end, reading fails, or the subscriber
	 * cancels.
	 * @param source the lines, read one {@code next()} at a time
	 * @param close closes the source
	 * @return the lines, read as they are requested
	 */
	public Flux<String> lines(Iterator<String> source, Runnable close) {
		return Flux.generate(() -> source, (lines, sink) -> {
			if (lines.hasNext()) {
				sink.next(lines.next());
			}
			else {
				sink.complete();
			}
			return lines;
		}, (lines) -> close.run());
	}

}
