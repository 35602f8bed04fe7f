package dev.asynciolearn.offload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SlowStorageTests {

	@TempDir
	Path directory;

	@Test
	void readsAndHashesTheWholeFile() throws Exception {
		DataFolder folder = folder(true);
		FileDigest digest = new SlowStorage(folder).readAndHash("1MiB.bin", Duration.ofMillis(0));
		assertThat(digest.name()).isEqualTo("1MiB.bin");
		assertThat(digest.sizeBytes()).isEqualTo(1 << 20);
		assertThat(digest.sha256()).isEqualTo(sha256(this.directory.resolve("1MiB.bin")));
	}

	@Test
	void waitsTheSimulatedStorageLatencyBeforeReading() throws Exception {
		Files.writeString(this.directory.resolve("small.txt"), "hello");
		DataFolder folder = folder(false);
		long start = System.nanoTime();
		FileDigest digest = new SlowStorage(folder).readAndHash("small.txt", Duration.ofMillis(200));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(digest.latencyMs()).isGreaterThanOrEqualTo(200);
		assertThat(digest.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	}

	@Test
	void theTimesItReportsAddUpToNoMoreThanTheWholeRead() throws Exception {
		DataFolder folder = folder(true);
		long start = System.nanoTime();
		FileDigest digest = new SlowStorage(folder).readAndHash("1MiB.bin", Duration.ofMillis(20));
		double wallMs = (System.nanoTime() - start) / 1e6;
		assertThat(digest.latencyMs()).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(wallMs);
		assertThat(digest.readMs()).isPositive().isLessThan(wallMs);
		assertThat(digest.hashMs()).isPositive().isLessThan(wallMs);
		assertThat(digest.latencyMs() + digest.readMs() + digest.hashMs()).isLessThanOrEqualTo(wallMs);
	}

	@Test
	void anInterruptStopsTheWait() throws Exception {
		Files.writeString(this.directory.resolve("small.txt"), "hello");
		DataFolder folder = folder(false);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread reader = new Thread(() -> {
			try {
				new SlowStorage(folder).readAndHash("small.txt", Duration.ofMillis(60_000));
			}
			catch (Exception ex) {
				failure.set(ex);
			}
		});
		reader.start();
		Thread.sleep(100);
		reader.interrupt();
		reader.join(5_000);
		assertThat(reader.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(InterruptedException.class);
	}

	private DataFolder folder(boolean samples) {
		DataFolder folder = new DataFolder(new OffloadProperties(this.directory, Duration.ZERO, samples));
		if (samples) {
			SampleFiles.write(folder.root());
		}
		return folder;
	}

	static String sha256(Path file) throws IOException {
		return HexFormat.of().formatHex(SlowStorage.sha256().digest(Files.readAllBytes(file)));
	}

}
