package dev.asynciolearn.system;

import java.util.Optional;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code takeUntilOther} without its race. When the other publisher signals on one thread
 * while the source emits on another, {@code takeUntilOther} may receive the source's
 * value after it has completed, and can only drop it ({@code Operators.onNextDropped}).
 * Merged into one stream with an end marker, the two are serialized instead: a value that
 * loses the race is queued and discarded with the cancelled merge, never delivered late.
 */
public final class Until {

	private Until() {
	}

	/**
	 * The source's values until {@code other} emits or completes, or the source ends.
	 * @param <T> the values' type
	 * @param source the values
	 * @param other the end
	 * @return the values before the end
	 */
	public static <T> Flux<T> until(Flux<T> source, Publisher<?> other) {
		// The other first, as takeUntilOther subscribes to it first; either ending ends.
		Mono<Optional<T>> end = Mono.just(Optional.empty());
		return Flux.merge(Mono.from(other).then(end), source.map(Optional::of).concatWith(end))
			.takeWhile(Optional::isPresent)
			.map(Optional::get);
	}

}
