package dev.asynciolearn.coroutines;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Many concurrent waits as {@code Mono}s, measured.
 *
 * @param count waits started at once
 * @param delayMs how long each waits
 * @param elapsedMs until the last finished: about one delay
 * @param startMs to start them all
 * @param startNanosPerWait startMs per wait
 * @param allocatedBytesPerWait heap allocated to start one, where the JVM tells
 * @param distinctThreads threads that ran the waits' ends
 * @param threads their names
 * @param javaThreadsInTheJvm threads in the JVM while they waited
 */
record MonoWaits(int count, long delayMs, double elapsedMs, double startMs, long startNanosPerWait,
		@Nullable Long allocatedBytesPerWait, int distinctThreads, Set<String> threads, int javaThreadsInTheJvm) {
}
