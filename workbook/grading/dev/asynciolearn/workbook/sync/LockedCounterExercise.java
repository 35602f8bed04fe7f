package dev.asynciolearn.workbook.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link LockedCounter}, in virtual time: a read takes the counter's value when it
 * is subscribed and answers 1 ms later (the worker's {@code await}); a write sets it at
 * once.
 */
@Hint("The lock must be held from the read until the write. Which operator of Flux starts the next inner publisher only once the previous one has completed?")
class LockedCounterExercise {

	private static final int WORKERS = 20;

	private final LockedCounter lockedCounter = new LockedCounter();

	private final AtomicInteger counter = new AtomicInteger();

	private final AtomicInteger reads = new AtomicInteger();

	private final List<Integer> writes = new CopyOnWriteArrayList<>();

	@Test
	@Hint("Running the workers at once (flatMap, Flux.merge) is the naive version: all twenty read 0 before any writes, so they all write 1 and nineteen updates are lost. A synchronized block or a ReentrantLock cannot help: the read answers later, on another thread, after the block is left.")
	void noUpdateIsLost() {
		StepVerifier.withVirtualTime(() -> this.lockedCounter.incrementAll(WORKERS, this::read, this::write))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectNext(WORKERS)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.counter.get()).as("the counter after %d workers", WORKERS).isEqualTo(WORKERS);
	}

	@Test
	@Hint("Each worker reads the counter, then writes what it read plus one: do not compute the values yourself, and let every worker read.")
	void eachWorkerWritesWhatItReadPlusOne() {
		StepVerifier.withVirtualTime(() -> this.lockedCounter.incrementAll(WORKERS, this::read, this::write))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.writes).as("the values written, in order")
			.containsExactlyElementsOf(IntStream.rangeClosed(1, WORKERS).boxed().toList());
		assertThat(this.reads.get()).as("reads").isGreaterThanOrEqualTo(WORKERS);
	}

	@Test
	@Hint("The workers take turns, 1 ms each, and the count is known only once the last one has written, as await gather(...) returns only when every worker is done: do not subscribe() inside, and do not answer before the writes.")
	void theWorkersTakeTurnsAndTheCountComesAfterTheLastWrite() {
		StepVerifier.withVirtualTime(() -> this.lockedCounter.incrementAll(WORKERS, this::read, this::write))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(WORKERS - 1))
			.thenAwait(Duration.ofMillis(2))
			.assertNext((count) -> assertThat(this.writes).as("writes when the count comes out").hasSize(WORKERS))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	/** {@code value = counter; await asyncio.sleep(0.001)}. */
	private Mono<Integer> read() {
		return Mono.fromSupplier(() -> {
			this.reads.incrementAndGet();
			return this.counter.get();
		}).delayElement(Duration.ofMillis(1));
	}

	/** {@code counter = value}. */
	private Mono<Void> write(int value) {
		return Mono.fromRunnable(() -> {
			this.counter.set(value);
			this.writes.add(value);
		});
	}

}
