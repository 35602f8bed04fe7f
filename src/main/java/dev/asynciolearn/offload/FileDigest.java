package dev.asynciolearn.offload;

/**
 * What the blocking read found, and where its time went.
 *
 * @param name the file's name in the data folder
 * @param sizeBytes how many bytes were read
 * @param sha256 the SHA-256 of those bytes, in hex
 * @param latencyMs time spent in the simulated storage latency (blocking wait)
 * @param readMs time spent in {@code read} calls
 * @param hashMs time spent hashing (CPU)
 */
record FileDigest(String name, long sizeBytes, String sha256, double latencyMs, double readMs, double hashMs) {
}
