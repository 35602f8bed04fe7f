package dev.asynciolearn.coroutines;

import org.jspecify.annotations.Nullable;

/**
 * The same waits three ways, and what a thread costs next to a {@code Mono}.
 *
 * @param monos as Monos
 * @param platformThreads as platform threads
 * @param virtualThreads as virtual threads
 * @param ratios platform thread against Mono
 */
record ScaleComparison(MonoWaits monos, ThreadWaits platformThreads, ThreadWaits virtualThreads, Ratios ratios) {

	static ScaleComparison of(MonoWaits monos, ThreadWaits platform, ThreadWaits virtual) {
		Long monoBytes = monos.allocatedBytesPerWait();
		Long threadBytes = platform.residentMemoryPerThreadBytes();
		Ratios ratios = new Ratios(
				round(platform.startNanosPerThread() / (double) Math.max(1, monos.startNanosPerWait())),
				(monoBytes != null && threadBytes != null && monoBytes > 0) ? round(threadBytes / (double) monoBytes)
						: null);
		return new ScaleComparison(monos, platform, virtual, ratios);
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
