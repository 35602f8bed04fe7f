package dev.asynciolearn.offload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * The one folder the file demos read from, and the blocking read itself.
 * <p>
 * Every method here blocks the calling thread (file system calls, a simulated slow
 * storage): call them from {@code Schedulers.boundedElastic()}, never from an event loop,
 * except in the anti-pattern demo. Reads stream through a fixed buffer, so memory per
 * read stays at {@value #BUFFER_SIZE} bytes whatever the file size.
 */
@Component
class DataFolder {

	/** A plain file name: no separators, no leading dot, at most 100 characters. */
	static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

	static final String NAME_RULE = "must be a file name in the data folder: 1 to 100 letters, digits, '.', '_' or '-', not starting with '.'";

	/** Sample files written at start-up: name and size in bytes. */
	static final Map<String, Long> SAMPLES = Map.of("1KiB.bin", 1L << 10, "1MiB.bin", 1L << 20, "16MiB.bin", 16L << 20,
			"64MiB.bin", 64L << 20);

	static final int BUFFER_SIZE = 64 * 1024;

	private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

	private static final Log logger = LogFactory.getLog(DataFolder.class);

	private final Path root;

	DataFolder(OffloadProperties properties) {
		this.root = prepare(properties.dataDirectory(), properties.createSamples());
		logger.info("Data folder for the file demos: " + this.root + " (files: " + SAMPLES.keySet() + ")");
	}

	Path root() {
		return this.root;
	}

	/**
	 * The file's real path, only if it is a regular file directly inside the data folder.
	 * @param name a file name
	 * @return the real path of the file
	 * @throws DataFileNotFoundException if there is no such file in the folder, or it
	 * resolves outside it
	 */
	Path resolve(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new DataFileNotFoundException(name);
		}
		Path candidate = this.root.resolve(name).normalize();
		if (!this.root.equals(candidate.getParent())) {
			throw new DataFileNotFoundException(name);
		}
		try {
			Path real = candidate.toRealPath();
			if (!this.root.equals(real.getParent()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
				throw new DataFileNotFoundException(name);
			}
			return real;
		}
		catch (NoSuchFileException ex) {
			throw new DataFileNotFoundException(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The regular files in the folder, with their sizes.
	 * @return name and size of each file, sorted by name
	 */
	List<DataFile> list() {
		try (Stream<Path> files = Files.list(this.root)) {
			List<DataFile> result = new ArrayList<>();
			files.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
				.filter((file) -> NAME.matcher(file.getFileName().toString()).matches())
				.sorted()
				.forEach((file) -> result.add(new DataFile(file.getFileName().toString(), size(file))));
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait {@code latency} (the slow storage), then read the whole file and hash it.
	 * Blocks the calling thread throughout; an interrupt (the subscriber cancelled) stops
	 * it between chunks.
	 * @param name the file's name in the folder
	 * @param latencyMillis how long the simulated storage takes before the first byte
	 * @return size, digest and where the time went
	 * @throws InterruptedException if the thread is interrupted while waiting
	 * @throws IOException if the read fails, including {@code ClosedByInterruptException}
	 */
	FileDigest readAndHash(String name, long latencyMillis) throws InterruptedException, IOException {
		long start = System.nanoTime();
		if (latencyMillis > 0) {
			Thread.sleep(latencyMillis);
		}
		long latencyNanos = System.nanoTime() - start;
		Path file = resolve(name);
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

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static Path prepare(Path directory, boolean createSamples) {
		try {
			Files.createDirectories(directory);
			Path root = directory.toRealPath();
			if (createSamples) {
				for (Map.Entry<String, Long> sample : SAMPLES.entrySet()) {
					writeSample(root.resolve(sample.getKey()), sample.getValue());
				}
			}
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the data folder " + directory.toAbsolutePath(), ex);
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

	/**
	 * A file the demos can read.
	 *
	 * @param name its name, as the {@code name} parameter takes it
	 * @param sizeBytes its size
	 */
	record DataFile(String name, long sizeBytes) {
	}

}
