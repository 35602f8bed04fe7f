package dev.asynciolearn.workbook.offload;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link ToThread}, in real time: the exercise is about threads. Each call records
 * what it saw (its thread's name, whether the subscriber went on) and returns it.
 */
@Hint("to_thread hands the call to a pool of worker threads: which of Reactor's Schedulers is made for blocking "
		+ "calls, and which operator moves a Mono's subscription, hence the call, onto it?")
class ToThreadExercise {

	private final ToThread toThread = new ToThread();

	@Test
	@Hint("Without a scheduler the call runs on the thread that subscribes; publishOn moves only what comes after it, "
			+ "not the call; Schedulers.parallel() (parallel-*) is for short non-blocking work, never for blocking calls.")
	void theCallRunsOnABoundedElasticWorker() {
		Mono<String> call = this.toThread.toThread(() -> Thread.currentThread().getName());
		StepVerifier.create(call)
			.assertNext((thread) -> assertThat(thread).as("the thread that ran the call").startsWith("boundedElastic-"))
			.expectComplete()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Subscribing must hand the call over and return at once; Mono.fromCallable alone runs the call right there, "
			+ "inside subscribe(), as read_file(name) called straight from an async def stops the loop.")
	void theSubscribingThreadGoesOnWhileTheCallRuns() throws Exception {
		CountDownLatch subscriberWentOn = new CountDownLatch(1);
		// The call waits (at most 500 ms) for the subscriber to go on, which it can only
		// do if the call runs on another thread.
		Mono<Boolean> call = this.toThread.toThread(() -> subscriberWentOn.await(500, TimeUnit.MILLISECONDS));
		CompletableFuture<Boolean> result = call.toFuture();
		subscriberWentOn.countDown();
		assertThat(result.get(2, TimeUnit.SECONDS)).as("the subscriber went on while the call ran").isTrue();
	}

	@Test
	@Hint("Mono.just(blocking.call()) (or a CompletableFuture started at once) calls it while the Mono is being built, "
			+ "once for every subscriber; like a coroutine, the Mono should do nothing until it is subscribed, "
			+ "and call again for each new subscriber.")
	void theCallRunsOnlyWhenSubscribedOncePerSubscription() {
		AtomicInteger calls = new AtomicInteger();
		Mono<Integer> call = this.toThread.toThread(calls::incrementAndGet);
		assertThat(calls.get()).as("calls before any subscription").isZero();
		StepVerifier.create(call).expectNext(1).expectComplete().verify(Duration.ofSeconds(2));
		StepVerifier.create(call).expectNext(2).expectComplete().verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("await asyncio.to_thread(...) raises the function's own exception; catching it, or wrapping it into a "
			+ "RuntimeException, changes what the subscriber gets. Which factory of Mono takes a call that may throw?")
	void theCallsExceptionIsTheMonosError() {
		IOException missing = new FileNotFoundException("no-such-file.bin");
		Mono<byte[]> call = this.toThread.toThread(() -> {
			throw missing;
		});
		StepVerifier.create(call)
			.expectErrorSatisfies((error) -> assertThat(error).as("the error").isSameAs(missing))
			.verify(Duration.ofSeconds(2));
	}

}
