package dev.asynciolearn.workbook.offload;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the long job's ticker (the statement is in
 * {@code workbook/exercises}).
 */
public class Ticker {

	/**
	 * Ticks every {@code period} while {@code job} runs: {@code Flux.interval} with no
	 * initial delay ticks at once, then every period, on a timer thread;
	 * {@code takeUntilOther} subscribes to the job with the ticks, ends them when the job
	 * emits or completes, and cancels the job if the ticks are cancelled. There is no
	 * {@code ticker.cancel()} to forget: the job's end is the ticks' end.
	 * @param job the long job, not yet started (already offloaded to a worker, as
	 * {@code to_thread} does)
	 * @param period the time between ticks
	 * @return the ticks' numbers, from 0, until the job ends
	 */
	public Flux<Long> ticksWhile(Mono<?> job, Duration period) {
		return Flux.interval(Duration.ZERO, period).takeUntilOther(job);
	}

}
