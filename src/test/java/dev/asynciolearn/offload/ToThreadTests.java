package dev.asynciolearn.offload;

import java.io.IOException;
import java.util.concurrent.Callable;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Timeline;
import org.junit.jupiter.api.Test;

import static dev.asynciolearn.timeline.Event.CANCELLED;
import static dev.asynciolearn.timeline.Event.DONE;
import static dev.asynciolearn.timeline.Event.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@code to_thread} itself: what a blocking call records, how an interrupt ends it, and
 * the count of calls running.
 */
class ToThreadTests {

	private final ToThread toThread = new ToThread();

	private final Timeline timeline = Timeline.start(new Concept("c", "a", "r"));

	@Test
	void aCallThatReturnsIsStartedThenDone() throws Exception {
		assertThat(this.toThread.run(this.timeline, "read", () -> 42)).isEqualTo(42);
		assertThat(this.timeline.events()).extracting((event) -> event.event()).containsExactly(START, DONE);
		assertThat(this.toThread.running()).isZero();
	}

	@Test
	void aCallThatRaisesIsRecordedWithItsErrorAndRaisesOn() {
		assertThatIOException().isThrownBy(() -> this.toThread.run(this.timeline, "read", () -> {
			throw new IOException("disk gone");
		})).withMessage("disk gone");
		assertThat(this.timeline.events()).extracting((event) -> event.step())
			.containsExactly("read: start", "read: error java.io.IOException: disk gone");
		assertThat(this.toThread.running()).isZero();
	}

	@Test
	void anInterruptedCallEndsCancelledWithNoValueAndKeepsTheInterrupt() throws Exception {
		try {
			Callable<Object> interrupted = () -> {
				throw new InterruptedException();
			};
			assertThat(this.toThread.run(this.timeline, "read", interrupted)).isNull();
			assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the worker's pool")
				.isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(this.timeline.events()).extracting((event) -> event.event()).containsExactly(START, CANCELLED);
		assertThat(this.toThread.running()).isZero();
	}

}
