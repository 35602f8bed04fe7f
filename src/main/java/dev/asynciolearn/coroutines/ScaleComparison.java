package dev.asynciolearn.coroutines;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The same waits three ways, and what a thread costs next to a {@code Mono}.
 *
 * @param monos as Monos
 * @param platformThreads as platform threads
 * @param virtualThreads as virtual threads, on Java 21+
 * @param virtualThreadsMissing why there are none, before Java 21
 * @param ratios platform thread against Mono
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScaleComparison(MonoWaits monos, ThreadWaits platformThreads, @Nullable ThreadWaits virtualThreads,
		@Nullable String virtualThreadsMissing, Ratios ratios) {

	static ScaleComparison of(MonoWaits monos, ThreadWaits platform, @Nullable ThreadWaits virtual) {
		Long monoBytes = monos.allocatedBytesPerWait();
		Long threadBytes = platform.residentMemoryPerThreadBytes();
		Ratios ratios = new Ratios(
				round(platform.startNanosPerThread() / (double) Math.max(1, monos.startNanosPerWait())),
				(monoBytes != null && threadBytes != null && monoBytes > 0) ? round(threadBytes / (double) monoBytes)
						: null);
		return new ScaleComparison(monos, platform, virtual,
				(virtual != null) ? null : "virtual threads need Java 21+; this JVM is " + Runtime.version().feature(),
				ratios);
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/**
	 * @param threadStartCostVsMono a platform thread's start time over a Mono's
	 * @param threadMemoryVsMono a platform thread's resident memory over a Mono's heap
	 * allocation, where both are known
	 */
	record Ratios(double threadStartCostVsMono, @Nullable Double threadMemoryVsMono) {
	}

}
