package dev.asynciolearn.coroutines;

import org.jspecify.annotations.Nullable;

/**
 * The same waits as one thread each, measured.
 *
 * @param count threads started, one per wait
 * @param delayMs how long each sleeps
 * @param startMs to start them all
 * @param startNanosPerThread startMs per thread
 * @param javaThreadsBefore threads in the JVM before
 * @param javaThreadsWhileSleeping threads in the JVM while they slept
 * @param residentMemoryPerThreadBytes resident memory added per thread, where the OS
 * tells
 * @param threadsAliveAtOnce the most sleeping at once
 * @param elapsedMs until the last finished
 */
record ThreadWaits(int count, long delayMs, double startMs, long startNanosPerThread, int javaThreadsBefore,
		int javaThreadsWhileSleeping, @Nullable Long residentMemoryPerThreadBytes, int threadsAliveAtOnce,
		double elapsedMs) {
}
