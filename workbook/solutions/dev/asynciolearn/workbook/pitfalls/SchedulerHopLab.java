package dev.asynciolearn.workbook.pitfalls;

import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reference solution of the {@code scheduler-hop} lab (the statement is in
 * {@code workbook/exercises}).
 */
public class SchedulerHopLab {

	/**
	 * {@code subscribeOn} moves the subscription, and with it every step up to the next
	 * {@code publishOn}, wherever it is placed: the read runs on {@code boundedElastic},
	 * as {@code to_thread} runs it on a worker (parse follows it there; Reactor has no
	 * loop to go back to).
	 * @param name the file's name, as it comes (on the subscriber's thread)
	 * @param read a blocking read: it holds its thread until the data is there
	 * @param parse what to do with the data
	 * @return {@code parse(read(name))}, the read done on {@code boundedElastic}
	 */
	public Mono<String> load(Mono<String> name, Function<String, String> read, Function<String, String> parse) {
		return name.map(read).subscribeOn(Schedulers.boundedElastic()).map(parse);
	}

}
