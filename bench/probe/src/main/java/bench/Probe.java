package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A constant-rate latency probe: sends one request every {@code 1/rate} seconds, whatever the server does, and
 * measures each latency from the time the request was due, so that a stalled server shows up in the numbers instead
 * of slowing the probe down (no coordinated omission).
 * <p>
 * Usage: {@code Probe <url> <requests per second> <seconds> [<warm-up seconds>]}; prints one JSON line. During the
 * warm-up the probe sends at the same rate but records nothing, so its own cold start (class loading, JIT, the first
 * connection) is not measured.
 */
public final class Probe {

	public static void main(String[] args) throws InterruptedException {
		URI uri = URI.create(args[0]);
		double rate = Double.parseDouble(args[1]);
		int seconds = Integer.parseInt(args[2]);
		int warmup = (args.length > 3) ? Integer.parseInt(args[3]) : 0;
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
		AtomicLong errors = new AtomicLong();
		long warm = Math.round(rate * warmup);
		long total = warm + Math.round(rate * seconds);
		long intervalNanos = Math.round(1e9 / rate);
		CountDownLatch done = new CountDownLatch((int) total);
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long due = start + i * intervalNanos;
			boolean measured = i >= warm;
			timer.schedule(() -> client
				.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> {
					if (measured) {
						if (error != null || response.statusCode() >= 400) {
							errors.incrementAndGet();
						}
						recorder.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
					}
					done.countDown();
				}), due - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		done.await(warmup + seconds + 60L, TimeUnit.SECONDS);
		timer.shutdownNow();
		Histogram histogram = recorder.getIntervalHistogram();
		System.out.printf(java.util.Locale.ROOT,
				"{\"count\":%d,\"errors\":%d,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"p999Ms\":%.2f,\"maxMs\":%.2f}%n",
				histogram.getTotalCount(), errors.get(), histogram.getValueAtPercentile(50) / 1000.0,
				histogram.getValueAtPercentile(99) / 1000.0, histogram.getValueAtPercentile(99.9) / 1000.0,
				histogram.getMaxValue() / 1000.0);
		System.exit(0);
	}

}
