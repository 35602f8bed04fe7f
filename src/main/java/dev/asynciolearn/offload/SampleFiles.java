package dev.asynciolearn.offload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the sample files the demos read into the data folder at start-up, once: a step
 * of the application's lifecycle on the main thread (81 MiB the first time), not part of
 * creating any bean.
 */
@Component
class SampleFiles implements SmartLifecycle {

	/** Sample files: name and size in bytes. */
	static final Map<String, Long> SAMPLES = Map.of("1KiB.bin", 1L << 10, "1MiB.bin", 1L << 20, "16MiB.bin", 16L << 20,
			"64MiB.bin", 64L << 20);

	private static final Log logger = LogFactory.getLog(SampleFiles.class);

	private final DataFolder folder;

	private final boolean enabled;

	private volatile boolean running;

	SampleFiles(DataFolder folder, OffloadProperties properties) {
		this.folder = folder;
		this.enabled = properties.createSamples();
	}

	@Override
	public void start() {
		if (this.enabled) {
			write(this.folder.root());
			logger.info("Sample files in " + this.folder.root() + ": " + SAMPLES.keySet());
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Write each sample that is missing or has the wrong size.
	 * @param root the data folder
	 */
	static void write(Path root) {
		try {
			for (Map.Entry<String, Long> sample : SAMPLES.entrySet()) {
				writeSample(root.resolve(sample.getKey()), sample.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the sample files into " + root, ex);
		}
	}

	/**
	 * Write {@code size} deterministic pseudo-random bytes (seeded by the size), unless
	 * the file is already there.
	 */
	private static void writeSample(Path file, long size) throws IOException {
		if (Files.isRegularFile(file) && Files.size(file) == size) {
			return;
		}
		Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
		try {
			SplittableRandom random = new SplittableRandom(size);
			ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				long remaining = size;
				while (remaining > 0) {
					chunk.clear();
					while (chunk.remaining() >= Long.BYTES) {
						chunk.putLong(random.nextLong());
					}
					chunk.flip();
					chunk.limit((int) Math.min(chunk.limit(), remaining));
					remaining -= chunk.remaining();
					while (chunk.hasRemaining()) {
						channel.write(chunk);
					}
				}
			}
			move(partial, file);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
