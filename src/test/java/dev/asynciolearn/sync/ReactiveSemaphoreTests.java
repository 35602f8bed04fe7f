package dev.asynciolearn.sync;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class ReactiveSemaphoreTests {

	@Test
	void aHundredCallersTenPermitsNeverMoreThanTenInsideAndTenRounds() {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		StepVerifier.withVirtualTime(() -> {
			ReactiveSemaphore semaphore = new ReactiveSemaphore(10);
			return Flux.range(0, 100).flatMap((i) -> semaphore.withPermit(() -> Mono.fromRunnable(() -> {
				peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
			}).then(Mono.delay(Duration.ofMillis(50))).then(Mono.fromRunnable(inside::decrementAndGet)).thenReturn(i)),
					100);
		})
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.expectNextCount(10)
			.thenAwait(Duration.ofMillis(450))
			.expectNextCount(90)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(peak).hasValue(10);
	}

	@Test
	void itCountsItsPermitsWhatIsHeldAndThePeak() {
		ReactiveSemaphore semaphore = new ReactiveSemaphore(3);
		List<ReactiveSemaphore.Permit> held = Flux.range(0, 2)
			.flatMap((i) -> semaphore.acquire(Duration.ZERO))
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(semaphore.permits()).isEqualTo(3);
		assertThat(semaphore.held()).isEqualTo(2);
		assertThat(held).extracting(ReactiveSemaphore.Permit::heldWhenAcquired).containsExactlyInAnyOrder(1, 2);
		Flux.fromIterable(held).flatMap(ReactiveSemaphore.Permit::release).blockLast(Duration.ofSeconds(5));
		assertThat(semaphore.held()).isZero();
		assertThat(semaphore.peakHeld()).isEqualTo(2);
	}

	@Test
	void waitersAreServedInArrivalOrder() {
		ReactiveSemaphore semaphore = new ReactiveSemaphore(1);
		List<Integer> order = new CopyOnWriteArrayList<>();
		StepVerifier
			.withVirtualTime(() -> Flux.range(0, 20)
				.flatMap((i) -> semaphore.withPermit(
						() -> Mono.delay(Duration.ofMillis(10)).doOnSubscribe((s) -> order.add(i)).thenReturn(i)), 20))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(20)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(order).isSorted().hasSize(20);
	}

	@Test
	void aPermitIsReleasedOnSuccessErrorAndCancellation() {
		ReactiveSemaphore semaphore = new ReactiveSemaphore(1);
		StepVerifier.create(semaphore.withPermit(() -> Mono.just("ok"))).expectNext("ok").verifyComplete();
		assertThat(semaphore.held()).isZero();
		StepVerifier.create(semaphore.withPermit(() -> Mono.error(new IllegalStateException("boom"))))
			.verifyErrorMessage("boom");
		assertThat(semaphore.held()).isZero();
		StepVerifier.create(semaphore.withPermit(Mono::never))
			.expectSubscription()
			.then(() -> assertThat(semaphore.held()).isOne())
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(semaphore.held()).isZero();
		StepVerifier.create(semaphore.withPermit(() -> Mono.just("free again")))
			.expectNext("free again")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void releasingTwiceGivesBackOnePermitOnly() {
		ReactiveSemaphore semaphore = new ReactiveSemaphore(1);
		ReactiveSemaphore.Permit permit = semaphore.acquire(Duration.ZERO).block(Duration.ofSeconds(5));
		permit.release().then(permit.release()).block(Duration.ofSeconds(5));
		assertThat(semaphore.held()).isZero();
		semaphore.acquire(Duration.ZERO).block(Duration.ofSeconds(5));
		StepVerifier.create(semaphore.acquire(Duration.ofMillis(100)))
			.expectError(PoolAcquireTimeoutException.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aCancelledWaiterLeavesTheQueue() {
		ReactiveSemaphore semaphore = new ReactiveSemaphore(1);
		Disposable holder = semaphore.withPermit(Mono::never).subscribe();
		Disposable waiter = semaphore.withPermit(() -> Mono.just(1)).subscribe();
		assertThat(semaphore.waiting()).isOne();
		waiter.dispose();
		assertThat(semaphore.waiting()).isZero();
		holder.dispose();
		assertThat(semaphore.held()).isZero();
	}

	@Test
	void cancellingAtRandomMomentsLeaksNothing() {
		ReactiveSemaphore semaphore = new ReactiveSemaphore(3);
		// then(): a cancel that meets the permit's return finds usingWhen delivering the
		// work's value anyway (reactor-core's deferredComplete does not check for a
		// cancel), which a disposed lambda subscriber drops; the value is not what this
		// test is about, the permits are.
		List<Disposable> all = Flux.range(0, 500)
			.map((i) -> semaphore
				.withPermit(() -> Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(5))))
				.then()
				.subscribe())
			.collectList()
			.block(Duration.ofSeconds(5));
		all.forEach((disposable) -> {
			if (ThreadLocalRandom.current().nextBoolean()) {
				disposable.dispose();
			}
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(semaphore.held() + semaphore.waiting()).isZero());
		assertThat(semaphore.peakHeld()).isLessThanOrEqualTo(3);
	}

	@Test
	void needsAtLeastOnePermit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReactiveSemaphore(0));
	}

}
