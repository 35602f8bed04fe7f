package dev.asynciolearn.workbook.streams;

import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code async with} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class AsyncWith {

	/**
	 * {@code async with open as r: return await body(r)}: {@code Mono.usingWhen} opens
	 * the resource, runs the body with it, and subscribes to the matching cleanup on
	 * completion, on error and on cancel, exactly one of them; it passes the result or
	 * the error on only once that cleanup has finished, and does nothing more if the
	 * resource never opens. Unlike {@code __aexit__}, a cleanup cannot suppress the
	 * error.
	 * @param <R> the resource
	 * @param <T> the body's result
	 * @param open {@code __aenter__}: opens the resource, not yet started
	 * @param body what runs with the resource
	 * @param close {@code __aexit__}: closes the resource
	 * @return the body's result, once the resource is closed
	 */
	public <R, T> Mono<T> asyncWith(Mono<R> open, Function<R, Mono<T>> body, Function<R, Mono<Void>> close) {
		return Mono.usingWhen(open, body, close, (resource, error) -> close.apply(resource), close);
	}

}
