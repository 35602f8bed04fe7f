package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncQueueTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "FIFO, '3,1,2'", "LIFO, '2,1,3'", "PRIORITY, '1,2,3'" })
	void getFollowsTheKindOfQueue(AsyncQueue.Kind kind, String expected) {
		AsyncQueue<Integer> queue = new AsyncQueue<>(kind, 10, Comparator.naturalOrder());
		Flux.just(3, 1, 2).concatMap(queue::put).blockLast(Duration.ofSeconds(1));
		List<Integer> got = Flux.range(0, 3).concatMap((i) -> queue.get()).collectList().block(Duration.ofSeconds(1));
		assertThat(got).map(String::valueOf).containsExactly(expected.split(","));
	}

	@Test
	void putWaitsWhileTheQueueIsFullWithoutBlocking() {
		AsyncQueue<Integer> queue = new AsyncQueue<>(AsyncQueue.Kind.FIFO, 2, Comparator.naturalOrder());
		queue.put(0).then(queue.put(1)).block(Duration.ofSeconds(1));
		StepVerifier.create(queue.put(2))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> queue.get().subscribe())
			.expectComplete()
			.verify(Duration.ofSeconds(1));
		assertThat(queue.peakSize()).isEqualTo(2);
	}

	@Test
	void getWaitsWhileTheQueueIsEmpty() {
		AsyncQueue<String> queue = new AsyncQueue<>(AsyncQueue.Kind.FIFO, 1, Comparator.naturalOrder());
		StepVerifier.create(queue.get())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> queue.put("x").subscribe())
			.expectNext("x")
			.expectComplete()
			.verify(Duration.ofSeconds(1));
	}

	@Test
	void aCancelledWaiterLeavesTheLineAndTheNextOneGoesAhead() {
		AsyncQueue<Integer> queue = new AsyncQueue<>(AsyncQueue.Kind.FIFO, 1, Comparator.naturalOrder());
		queue.put(0).block(Duration.ofSeconds(1));
		Disposable first = queue.put(1).subscribe();
		List<String> second = new ArrayList<>();
		queue.put(2).subscribe(null, null, () -> second.add("put 2"));
		assertThat(queue.waiting()).isEqualTo(2);
		first.dispose();
		assertThat(queue.waiting()).isOne();
		assertThat(queue.get().block(Duration.ofSeconds(1))).isZero();
		assertThat(second).containsExactly("put 2");
		assertThat(queue.get().block(Duration.ofSeconds(1))).isEqualTo(2);
		assertThat(queue.waiting()).isZero();
	}

	@Test
	void manyProducersAndConsumersOnManyThreadsMoveEveryItemExactlyOnce() {
		AsyncQueue<Integer> queue = new AsyncQueue<>(AsyncQueue.Kind.FIFO, 5, Comparator.naturalOrder());
		ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
		Flux<Void> producers = Flux.range(0, 8)
			.flatMap((p) -> Flux.range(0, 2500)
				.map((i) -> p * 2500 + i)
				.concatMap(queue::put)
				.subscribeOn(Schedulers.parallel()));
		Flux<Void> consumers = Flux.range(0, 8)
			.flatMap((c) -> Flux.range(0, 2500)
				.concatMap((i) -> queue.get().doOnNext(got::add))
				.then()
				.subscribeOn(Schedulers.parallel()));
		Mono.when(producers, consumers).block(Duration.ofSeconds(30));
		assertThat(got).hasSize(20_000).doesNotHaveDuplicates();
		assertThat(queue.peakSize()).isLessThanOrEqualTo(5);
		assertThat(queue.size()).isZero();
		assertThat(queue.waiting()).isZero();
	}

}
