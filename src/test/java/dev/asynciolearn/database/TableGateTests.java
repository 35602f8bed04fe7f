package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.system.ApiProblem;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class TableGateTests {

	private final TableGate gate = new TableGate(
			new DatabaseProperties(10, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(30)));

	@Test
	void waitersWaitUntilTheGateOpensThenAllPass() {
		StepVerifier.withVirtualTime(() -> Flux.range(0, 100).flatMap((i) -> this.gate.await().thenReturn(i)))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.then(() -> assertThat(this.gate.state().waiting()).isEqualTo(100))
			.then(() -> this.gate.open(true))
			.expectNextCount(100)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		TableGate.GateState state = this.gate.state();
		assertThat(state.open()).isTrue();
		assertThat(state.tableCreatedByThisInstance()).isTrue();
		assertThat(state.waiting()).isZero();
		assertThat(state.released()).isEqualTo(100);
		assertThat(state.openedAt()).isNotNull();
	}

	@Test
	void onceOpenNobodyWaits() {
		this.gate.open(false);
		StepVerifier.create(this.gate.await()).expectComplete().verify(Duration.ofSeconds(1));
		assertThat(this.gate.state().released()).isZero();
		assertThat(this.gate.state().tableCreatedByThisInstance()).isFalse();
	}

	@Test
	void aWaitPastTheLimitIsA503InsteadOfHanging() {
		TableGate impatient = new TableGate(
				new DatabaseProperties(10, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(2)));
		StepVerifier.withVirtualTime(impatient::await)
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(2))
			.expectErrorSatisfies((error) -> assertThat(((ApiProblem) error).getStatusCode())
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.verify(Duration.ofSeconds(5));
		assertThat(impatient.state().waiting()).isZero();
	}

	@Test
	void aCancelledWaiterIsNoLongerCounted() {
		Disposable waiter = this.gate.await().subscribe();
		assertThat(this.gate.state().waiting()).isOne();
		waiter.dispose();
		assertThat(this.gate.state().waiting()).isZero();
		this.gate.open(true);
		assertThat(this.gate.state().released()).isZero();
	}

}
