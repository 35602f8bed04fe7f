package dev.asynciolearn.timeline;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.observability.DefaultSignalListener;

/**
 * Records one task's life on a timeline from the signals of its {@code Mono}: how it
 * started, then its ending, which is its first terminal signal (a value, completion, an
 * error or a cancel). A task that failed and was then cancelled failed.
 *
 * @param <T> the task's value
 */
final class TaskListener<T> extends DefaultSignalListener<T> {

	private final Timeline timeline;

	private final String task;

	private final Event started;

	private final Event finished;

	private final Consumer<Ending> ending;

	private final AtomicBoolean ended = new AtomicBoolean();

	TaskListener(Timeline timeline, String task, Event started, Event finished, Consumer<Ending> ending) {
		this.timeline = timeline;
		this.task = task;
		this.started = started;
		this.finished = finished;
		this.ending = ending;
	}

	@Override
	public void doFirst() {
		this.timeline.event(this.task, this.started);
	}

	@Override
	public void doOnNext(T value) {
		end(this.finished, value);
	}

	@Override
	public void doOnComplete() {
		end(this.finished, null);
	}

	@Override
	public void doOnError(Throwable error) {
		end(Event.ERROR, error);
	}

	@Override
	public void doOnCancel() {
		end(Event.CANCELLED, null);
	}

	private void end(Event event, @Nullable Object value) {
		if (this.ended.compareAndSet(false, true)) {
			this.timeline.event(this.task, event, (event == Event.ERROR) ? value : null);
			this.ending.accept(new Ending(event, value));
		}
	}

}
