package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link ContextHopLab}, in real time: the hop from this thread to a
 * {@code parallel} one is the point (in virtual time everything would run on this thread,
 * and a {@code ThreadLocal} would seem to work).
 */
@Hint("A ContextVar travels with the task; a ThreadLocal stays on its thread. What travels with a subscription "
		+ "in Reactor, whatever thread runs it?")
class ContextHopLabExercise {

	private static final Duration HOP = Duration.ofMillis(50);

	private final ContextHopLab lab = new ContextHopLab();

	@Test
	@Hint("hello null means the value was left on the thread that subscribed (a ThreadLocal, the MDC): the code "
			+ "after the delay runs on a parallel thread. Write the user where the subscription carries it, and read "
			+ "it there.")
	@Hint("The handler must wait the hop first (Mono.delay): without a hop there is no other thread, and nothing "
			+ "to learn.")
	void theUserSetBeforeTheHopIsReadAfterIt() {
		AtomicReference<String> answeredOn = new AtomicReference<>();
		String caller = Thread.currentThread().getName();
		StepVerifier
			.create(this.lab.withUser("ada", this.lab.handler(HOP))
				.doOnNext((answer) -> answeredOn.set(Thread.currentThread().getName()))
				.elapsed())
			.assertNext((timed) -> {
				assertThat(timed.getT2()).isEqualTo("hello ada");
				assertThat(timed.getT1()).as("ms before the answer: the hop").isGreaterThanOrEqualTo(45L);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(answeredOn.get()).as("the thread after the hop").isNotEqualTo(caller);
	}

	@Test
	@Hint("A field (a global) holds one user for everyone: bob's request overwrites ada's. The value must belong to "
			+ "each request, as each task copies the context.")
	void twoRequestsAtOnceEachReadTheirOwnUser() {
		Mono<String> handler = this.lab.handler(HOP);
		StepVerifier.create(Mono.zip(this.lab.withUser("ada", handler), this.lab.withUser("bob", handler)))
			.assertNext((answers) -> {
				assertThat(answers.getT1()).as("ada's request").isEqualTo("hello ada");
				assertThat(answers.getT2()).as("bob's request").isEqualTo("hello bob");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

}
