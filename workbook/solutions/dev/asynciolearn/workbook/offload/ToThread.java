package dev.asynciolearn.workbook.offload;

import java.util.concurrent.Callable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reference solution of the {@code to_thread} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class ToThread {

	/**
	 * {@code asyncio.to_thread(blocking)}: {@code fromCallable} defers the call to each
	 * subscription and turns its exception into the error, and {@code subscribeOn} makes
	 * that subscription, hence the call, happen on a boundedElastic worker
	 * ({@code publishOn} would only move what comes after it).
	 * @param <T> what the call returns
	 * @param blocking the blocking call, not yet run
	 * @return the call's result, computed on a worker thread
	 */
	public <T> Mono<T> toThread(Callable<T> blocking) {
		return Mono.fromCallable(blocking).subscribeOn(Schedulers.boundedElastic());
	}

}
