package dev.asynciolearn.offload;

import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Timeline;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * {@code asyncio.to_thread} itself: runs the demos' blocking calls, offloaded to
 * {@code Schedulers.boundedElastic()} or (the anti-pattern) where they are, records each
 * on the timeline and counts them, so the gauges show calls running and calls waiting for
 * a thread.
 */
@Component
class ToThread implements MeterBinder {

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger queued = new AtomicInteger();

	/**
	 * {@code subscribeOn(Schedulers.boundedElastic())}, counting the calls that wait for
	 * a free boundedElastic thread: it has ten per core, and further calls queue.
	 * @param <T> the call's result
	 * @param blocking the blocking call
	 * @return the call, run on a boundedElastic worker
	 */
	<T> Mono<T> offload(Mono<T> blocking) {
		return Mono.defer(() -> {
			AtomicBoolean waiting = new AtomicBoolean(true);
			this.queued.incrementAndGet();
			Runnable leaveQueue = () -> {
				if (waiting.compareAndSet(true, false)) {
					this.queued.decrementAndGet();
				}
			};
			// doOnSubscribe, upstream of subscribeOn, runs once a worker takes the call.
			// doFinally covers a call cancelled while it still queued.
			return blocking.doOnSubscribe((s) -> leaveQueue.run())
				.subscribeOn(Schedulers.boundedElastic())
				.doFinally((signal) -> leaveQueue.run());
		});
	}

	/**
	 * Run a blocking call on the current thread, recording it as {@code task}; an
	 * interrupt (the subscriber cancelled) ends it quietly with no value.
	 * @param <T> the call's result
	 * @param timeline where to record it
	 * @param task its row
	 * @param call the blocking call
	 * @return its result, or {@code null} when it was interrupted
	 * @throws Exception what the call raised
	 */
	<T> @Nullable T run(Timeline timeline, String task, Callable<T> call) throws Exception {
		this.running.incrementAndGet();
		timeline.event(task, Event.START);
		try {
			T result = call.call();
			timeline.event(task, Event.DONE);
			return result;
		}
		catch (InterruptedException | ClosedByInterruptException ex) {
			timeline.event(task, Event.CANCELLED);
			Thread.currentThread().interrupt();
			return null;
		}
		catch (Exception ex) {
			timeline.event(task, Event.ERROR, ex);
			throw ex;
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	/**
	 * Blocking calls running right now, offloaded or not: zero once every request has
	 * finished or been cancelled.
	 * @return the number of blocking calls in progress
	 */
	int running() {
		return this.running.get();
	}

	/**
	 * Offloaded calls waiting for a free boundedElastic thread.
	 * @return the number of offloaded calls not yet started
	 */
	int queued() {
		return this.queued.get();
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder("asyncio.offload.blocking.running", this, ToThread::running)
			.description("Blocking calls (file reads, long jobs) in progress")
			.register(meters);
		Gauge.builder("asyncio.offload.blocking.queued", this, ToThread::queued)
			.description("Offloaded blocking calls waiting for a free boundedElastic thread")
			.register(meters);
	}

}
