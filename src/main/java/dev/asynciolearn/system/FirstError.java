package dev.asynciolearn.system;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code gather}'s first exception for a {@code flatMap} of workers: the first worker's
 * error ends the run and cancels the others; their errors, which may come at the same
 * moment on other threads or after the cancellation (a {@code usingWhen} cleanup that had
 * begun), go to {@code others} instead of racing into the {@code flatMap}, which could
 * only drop them ({@code Operators.onErrorDropped}).
 */
public final class FirstError {

	private final AtomicReference<@Nullable Throwable> first = new AtomicReference<>();

	private final Sinks.One<Boolean> ended = Sinks.one();

	private final Consumer<Throwable> others;

	/**
	 * A run of workers whose first error ends it.
	 * @param others what to do with every other worker's error
	 */
	public FirstError(Consumer<Throwable> others) {
		this.others = others;
	}

	/**
	 * Applied to each worker with {@code transform}: its error ends the run if it is the
	 * first, and goes to {@code others} if not; either way the worker ends empty.
	 * @param <T> the worker's value type
	 * @return the function to apply
	 */
	public <T> Function<Mono<T>, Mono<T>> worker() {
		return (worker) -> worker.onErrorResume((error) -> {
			if (this.first.compareAndSet(null, error)) {
				this.ended.tryEmitValue(true);
			}
			else {
				this.others.accept(error);
			}
			return Mono.empty();
		});
	}

	/**
	 * Applied to the flatMap of the workers with {@code transform}: ends at the first
	 * error, with that error, cancelling the workers still running.
	 * @param <T> the workers' value type
	 * @return the function to apply
	 */
	public <T> Function<Flux<T>, Flux<T>> run() {
		return (workers) -> workers.takeUntilOther(this.ended.asMono()).concatWith(Mono.defer(() -> {
			Throwable error = this.first.get();
			return (error != null) ? Mono.error(error) : Mono.empty();
		}));
	}

}
