package dev.asynciolearn.sync;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ReactiveEventTests {

	@Test
	void setReleasesEveryWaiterAtOnce() {
		ReactiveEvent event = new ReactiveEvent();
		StepVerifier.withVirtualTime(() -> {
			Mono.delay(Duration.ofMillis(200)).subscribe((tick) -> event.set());
			return Flux.range(0, 5).flatMap((i) -> event.await().thenReturn(i));
		})
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(200))
			.expectNextCount(5)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(event.isSet()).isTrue();
	}

	@Test
	void aLateWaiterPassesAtOnceWhileSet() {
		ReactiveEvent event = new ReactiveEvent();
		event.set();
		event.set();
		StepVerifier.create(event.await()).expectComplete().verify(Duration.ofSeconds(1));
	}

	@Test
	void afterClearLaterWaitersWaitAgain() {
		ReactiveEvent event = new ReactiveEvent();
		event.set();
		event.clear();
		assertThat(event.isSet()).isFalse();
		StepVerifier.create(event.await())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.then(event::set)
			.expectComplete()
			.verify(Duration.ofSeconds(1));
	}

	@Test
	void waitingDoesNothingUntilSubscribed() {
		ReactiveEvent event = new ReactiveEvent();
		Mono<Void> wait = event.await();
		event.set();
		event.clear();
		StepVerifier.create(wait).expectSubscription().expectNoEvent(Duration.ofMillis(50)).thenCancel().verify();
	}

}
