package dev.asynciolearn.workbook.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.workbook.Hint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades {@link AsyncGenerator}: a source of three lines that counts the lines read (its
 * {@code next()} calls) and its closes, and may fail on one line, as a file whose disk
 * goes away.
 */
@Hint("Which factory of Flux calls your code once per item requested, keeps a state between calls as a "
		+ "generator's frame does, and takes a cleanup for that state, its finally?")
class AsyncGeneratorExercise {

	private static final List<String> LINES = List.of("a", "b", "c");

	private final AsyncGenerator generator = new AsyncGenerator();

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicInteger closes = new AtomicInteger();

	@Test
	@Hint("Reading every line into a list first, or pushing them all from Flux.create as soon as it is subscribed, "
			+ "reads before anyone asks, and Flux.fromIterable reads the first line on subscription; a generator's "
			+ "body does not run until async for asks for an item.")
	void nothingIsReadBeforeTheSubscriberAsks() {
		Flux<String> lines = this.generator.lines(source(null), this.closes::incrementAndGet);
		assertThat(this.reads.get()).as("lines read once the Flux was built").isZero();
		StepVerifier.create(lines, 0)
			.expectSubscription()
			.then(() -> assertThat(this.reads.get()).as("lines read once subscribed, with nothing requested").isZero())
			.thenRequest(1)
			.expectNext("a")
			.thenCancel()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("Each item requested reads one line: a Flux.create that loops over the source pushes (and buffers) them "
			+ "all, Flux.fromIterable reads one line ahead, and an operator that prefetches (publishOn, flatMap) "
			+ "reads further ahead of what was asked.")
	void eachItemRequestedReadsOneLine() {
		StepVerifier.create(this.generator.lines(source(null), this.closes::incrementAndGet), 0)
			.thenRequest(1)
			.expectNext("a")
			.then(() -> assertThat(this.reads.get()).as("lines read after one request").isEqualTo(1))
			.thenRequest(1)
			.expectNext("b")
			.then(() -> assertThat(this.reads.get()).as("lines read after two requests").isEqualTo(2))
			.thenCancel()
			.verify(Duration.ofSeconds(2));
	}

	@Test
	@Hint("The finally runs once when the lines run out; doOnComplete and doFinally together run it twice.")
	void theSourceIsClosedOnceWhenTheLinesRunOut() {
		StepVerifier.create(this.generator.lines(source(null), this.closes::incrementAndGet))
			.expectNext("a", "b", "c")
			.expectComplete()
			.verify(Duration.ofSeconds(2));
		assertThat(this.closes.get()).as("closes").isEqualTo(1);
	}

	@Test
	@Hint("A finally runs on an exception too, and the exception goes on to the consumer: a close on completion "
			+ "only (doOnComplete, concatWith) leaves the source open.")
	void theSourceIsClosedOnceWhenReadingFails() {
		StepVerifier.create(this.generator.lines(source(1), this.closes::incrementAndGet))
			.expectNext("a")
			.expectErrorSatisfies((error) -> assertThat(error).as("the error")
				.isInstanceOf(UncheckedIOException.class)
				.hasMessageContaining("disk gone"))
			.verify(Duration.ofSeconds(2));
		assertThat(this.closes.get()).as("closes").isEqualTo(1);
	}

	@Test
	@Hint("A consumer that stops early (break, then aclose) still runs the generator's finally: a cancelled "
			+ "subscription never completes, so a close on completion or on error only never runs.")
	void theSourceIsClosedOnceWhenTheSubscriberCancels() {
		StepVerifier.create(this.generator.lines(source(null), this.closes::incrementAndGet), 0)
			.thenRequest(1)
			.expectNext("a")
			.thenCancel()
			.verify(Duration.ofSeconds(2));
		assertThat(this.closes.get()).as("closes").isEqualTo(1);
		assertThat(this.reads.get()).as("lines read").isEqualTo(1);
	}

	/**
	 * The three lines, as a line reader gives them: {@code hasNext()} reads the next line
	 * (which {@code next()} then returns), so a read ahead is a read; reading the line at
	 * {@code failing} fails.
	 */
	private Iterator<String> source(@Nullable Integer failing) {
		Iterator<String> lines = LINES.iterator();
		return new Iterator<>() {

			private @Nullable String read;

			@Override
			public boolean hasNext() {
				if (this.read == null && lines.hasNext()) {
					int index = AsyncGeneratorExercise.this.reads.getAndIncrement();
					if (failing != null && failing == index) {
						throw new UncheckedIOException(new IOException("disk gone"));
					}
					this.read = lines.next();
				}
				return this.read != null;
			}

			@Override
			public String next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				String line = this.read;
				this.read = null;
				return line;
			}

		};
	}

}
