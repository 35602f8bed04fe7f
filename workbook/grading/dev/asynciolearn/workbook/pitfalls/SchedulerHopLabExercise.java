package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.asynciolearn.workbook.Hint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link SchedulerHopLab}, in real time: the read really blocks (10 ms), and
 * records the thread it ran on; BlockHound, which runs in the test JVM, refuses it on a
 * non-blocking thread.
 */
@Hint("publishOn changes the thread of what comes after it; subscribeOn changes the thread the whole chain is "
		+ "subscribed, and so run, on up to the next publishOn. Which one moves a step that comes before it?")
class SchedulerHopLabExercise {

	private final SchedulerHopLab lab = new SchedulerHopLab();

	private final Map<String, String> threads = new ConcurrentHashMap<>();

	@Test
	@Hint("With publishOn after the read, the read runs on the subscriber's thread: here a parallel one, an event "
			+ "loop's twin, where BlockHound refuses its blocking.")
	void theReadRunsOnBoundedElasticWhenANonBlockingThreadSubscribes() {
		StepVerifier.create(this.lab.load(Mono.just("data.bin"), read(), parse()).subscribeOn(Schedulers.parallel()))
			.expectNext("parsed data of data.bin")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.threads.get("read")).as("the read's thread").startsWith("boundedElastic-");
	}

	@Test
	@Hint("With publishOn after the read, the read runs on the caller's thread (the test's here): to_thread would "
			+ "have moved it.")
	void theReadRunsOnBoundedElasticWhenTheCallerSubscribes() {
		StepVerifier.create(this.lab.load(Mono.just("data.bin"), read(), parse()))
			.expectNext("parsed data of data.bin")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.threads.get("read")).as("the read's thread").startsWith("boundedElastic-");
	}

	/** A blocking read that records its thread. */
	private Function<String, String> read() {
		return (name) -> {
			this.threads.put("read", Thread.currentThread().getName());
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return "data of " + name;
		};
	}

	private Function<String, String> parse() {
		return (data) -> {
			this.threads.put("parse", Thread.currentThread().getName());
			return "parsed " + data;
		};
	}

}
