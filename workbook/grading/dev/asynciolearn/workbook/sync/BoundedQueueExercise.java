package dev.asynciolearn.workbook.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link BoundedQueue}: the grader puts and gets itself, in virtual time where it
 * waits.
 */
@Hint("Keep the items and, beside them, a line of waiting getters and a line of waiting putters, each waiter a sink that the other side completes when it may go on.")
class BoundedQueueExercise {

	private final List<Integer> taken = new CopyOnWriteArrayList<>();

	@Test
	@Hint("First in, first out: a Deque used as a stack (push, pop) gives the last item first, a PriorityQueue the smallest.")
	void itemsComeOutInTheOrderTheyWentIn() {
		BoundedQueue<Integer> queue = new BoundedQueue<>(3);
		putNow(queue, 3);
		putNow(queue, 1);
		putNow(queue, 2);
		getNow(queue, 3);
		getNow(queue, 1);
		getNow(queue, 2);
	}

	@Test
	@Hint("put waits while maxsize items are queued (not completes at once, not fails, not drops the item), and goes on when a get makes room.")
	void putWaitsWhileFullAndGoesOnWhenAGetMakesRoom() {
		BoundedQueue<Integer> queue = new BoundedQueue<>(2);
		putNow(queue, 1);
		putNow(queue, 2);
		StepVerifier.withVirtualTime(() -> queue.put(3))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> queue.get().subscribe(this.taken::add))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.taken).as("what the get took").containsExactly(1);
		getNow(queue, 2);
		getNow(queue, 3);
	}

	@Test
	@Hint("get on an empty queue waits (Mono.justOrEmpty(poll()) completes empty at once), and completes when an item is put.")
	void getWaitsWhileEmptyAndGoesOnWhenAnItemIsPut() {
		BoundedQueue<Integer> queue = new BoundedQueue<>(2);
		StepVerifier.withVirtualTime(queue::get)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> queue.put(7).subscribe())
			.expectNext(7)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Several getters can wait at once: keep a line of them, not one slot that the next get overwrites.")
	void severalWaitingGettersEachGetAnItem() {
		BoundedQueue<Integer> queue = new BoundedQueue<>(1);
		StepVerifier.withVirtualTime(() -> Flux.range(0, 3).flatMap((getter) -> queue.get()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> queue.put(1).subscribe())
			.then(() -> queue.put(2).subscribe())
			.then(() -> queue.put(3).subscribe())
			.recordWith(CopyOnWriteArrayList::new)
			.expectNextCount(3)
			.consumeRecordedWith((items) -> assertThat(items).containsExactlyInAnyOrder(1, 2, 3))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Several putters can wait at once, each with its own item: when room is made, the first in line puts its item, then the next; none is dropped.")
	void severalWaitingPuttersEachGetTheirItemInInTheirTurn() {
		BoundedQueue<Integer> queue = new BoundedQueue<>(1);
		putNow(queue, 1);
		StepVerifier.withVirtualTime(() -> Flux.merge(queue.put(2), queue.put(3)).then())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> queue.get().subscribe(this.taken::add))
			.then(() -> queue.get().subscribe(this.taken::add))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		getNow(queue, 3);
		assertThat(this.taken).as("what the gets took").containsExactly(1, 2);
	}

	@Test
	@Hint("A producer that puts ten items into a queue of 2 and a consumer that takes one every 10 ms: the producer waits for room, and every item comes out, in order.")
	void aProducerAndASlowerConsumerPassEveryItemInOrder() {
		BoundedQueue<Integer> queue = new BoundedQueue<>(2);
		StepVerifier.withVirtualTime(() -> {
			Mono<Boolean> producing = Flux.range(1, 10).concatMap(queue::put).then().thenReturn(true);
			Mono<List<Integer>> consuming = Flux.range(0, 10)
				.concatMap((i) -> queue.get().delayElement(Duration.ofMillis(10)))
				.collectList();
			return Mono.zip(consuming, producing, (items, produced) -> items);
		})
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(1))
			.expectNext(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	private static void putNow(BoundedQueue<Integer> queue, int item) {
		StepVerifier.create(queue.put(item))
			.as("put(" + item + ") with room")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	private static void getNow(BoundedQueue<Integer> queue, int expected) {
		StepVerifier.create(queue.get())
			.as("get()")
			.expectNext(expected)
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

}
