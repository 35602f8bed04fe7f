package dev.asynciolearn.offload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * The blocking read the {@code to_thread} demos offload: a simulated storage latency (a
 * slow disk or a network file system), then the whole file read and hashed.
 * <p>
 * Blocks the calling thread throughout. Reads stream through a fixed buffer, so memory
 * per read stays at {@value #BUFFER_SIZE} bytes whatever the file size; an interrupt (the
 * subscriber cancelled) stops it between chunks.
 */
@Component
class SlowStorage {

	static final int BUFFER_SIZE = 64 * 1024;

	private final DataFolder folder;

	SlowStorage(DataFolder folder) {
		this.folder = folder;
	}

	/**
	 * Wait {@code latency}, then read the whole file and hash it.
	 * @param name the file's name in the data folder
	 * @param latency how long the storage takes before the first byte
	 * @return size, digest and where the time went
	 * @throws InterruptedException if the thread is interrupted while waiting
	 * @throws IOException if the read fails, including {@code ClosedByInterruptException}
	 */
	FileDigest readAndHash(String name, Duration latency) throws InterruptedException, IOException {
		// A missing file is a 404 at once, before the storage's latency.
		Path file = this.folder.resolve(name);
		long start = System.nanoTime();
		if (!latency.isZero()) {
			Thread.sleep(latency.toMillis());
		}
		long latencyNanos = System.nanoTime() - start;
		MessageDigest sha256 = sha256();
		ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
		long size = 0;
		long readNanos = 0;
		long hashNanos = 0;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			while (true) {
				long beforeRead = System.nanoTime();
				int read = channel.read(buffer);
				long afterRead = System.nanoTime();
				readNanos += afterRead - beforeRead;
				if (read < 0) {
					break;
				}
				buffer.flip();
				sha256.update(buffer);
				buffer.clear();
				hashNanos += System.nanoTime() - afterRead;
				size += read;
			}
		}
		return new FileDigest(name, size, HexFormat.of().formatHex(sha256.digest()), millis(latencyNanos),
				millis(readNanos), millis(hashNanos));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private static double millis(long nanos) {
		return Math.round(nanos / 1_000.0) / 1_000.0;
	}

}
