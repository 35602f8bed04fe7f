package dev.asynciolearn.workbook.sync;

import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code Lock} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class LockedCounter {

	/**
	 * {@code workers} workers, each adding one to a shared counter under a lock. Reactor
	 * has no {@code Lock}: its answer is to let one sequential pipeline own the shared
	 * state. {@code concatMap} subscribes to the next worker's read-suspend-write only
	 * when the previous one has completed, which is what holding a lock across the
	 * suspension means. (A {@code synchronized} block cannot do it: the read answers
	 * later, on another thread, after the block has been left.)
	 * @param workers how many workers
	 * @param read reads the counter; it suspends before it answers
	 * @param write writes the counter
	 * @return the counter once every worker has written
	 */
	public Mono<Integer> incrementAll(int workers, Supplier<Mono<Integer>> read, Function<Integer, Mono<Void>> write) {
		return Flux.range(0, workers)
			.concatMap((worker) -> read.get().flatMap((value) -> write.apply(value + 1)))
			.then(Mono.defer(read));
	}

}
