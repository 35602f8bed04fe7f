package dev.asynciolearn.workbook.offload;

import java.time.Duration;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Exercise: a ticker beside a long job ({@code example_to_thread_2.py}).
 *
 * <pre>
 * async def tick_forever(period):
 *     n = 0
 *     while True:
 *         print("tick", n); n += 1             # ticks at once, then every period
 *         await asyncio.sleep(period)
 *
 * ticker = asyncio.create_task(tick_forever(period))
 * await asyncio.to_thread(time.sleep, work)   # the long job, on a worker thread
 * ticker.cancel()                             # no more ticks once the job is done
 * </pre>
 *
 * Must hold: ticks {@code 0, 1, 2, ...} come at {@code 0, period, 2 * period, ...} while
 * the job runs; when the job ends (it completes with no value, as
 * {@code to_thread(time.sleep, ...)} does) the ticks stop and the stream completes at
 * once, not at the next tick; the job is started only by the subscription, and only
 * once; a subscriber that cancels the ticks cancels the job too.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=TickerExercise}. Compare:
 * {@code LongTaskService} and {@code GET /api/offload/long-task}.
 */
public class Ticker {

	/**
	 * Ticks every {@code period} while {@code job} runs.
	 * @param job the long job, not yet started (already offloaded to a worker, as
	 * {@code to_thread} does)
	 * @param period the time between ticks
	 * @return the ticks' numbers, from 0, until the job ends
	 */
	public Flux<Long> ticksWhile(Mono<?> job, Duration period) {
		throw new NotDoneYet("Ticker");
	}

}
