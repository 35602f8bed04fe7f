package dev.asynciolearn.offload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DataFolderTests {

	@TempDir
	Path directory;

	@Test
	void writesTheSampleFilesOnceWithStableContent() throws IOException {
		DataFolder folder = folder(true);
		assertThat(folder.list()).extracting(DataFolder.DataFile::name)
			.containsExactly("16MiB.bin", "1KiB.bin", "1MiB.bin", "64MiB.bin");
		for (var sample : DataFolder.SAMPLES.entrySet()) {
			assertThat(Files.size(this.directory.resolve(sample.getKey()))).isEqualTo(sample.getValue());
		}
		String before = sha256(this.directory.resolve("1MiB.bin"));
		long modified = Files.getLastModifiedTime(this.directory.resolve("1MiB.bin")).toMillis();
		folder(true);
		assertThat(sha256(this.directory.resolve("1MiB.bin"))).isEqualTo(before);
		assertThat(Files.getLastModifiedTime(this.directory.resolve("1MiB.bin")).toMillis()).isEqualTo(modified);
		assertThat(Files.list(this.directory)).noneMatch((file) -> file.toString().endsWith(".part"));
	}

	@Test
	void readsAndHashesTheWholeFile() throws Exception {
		DataFolder folder = folder(true);
		FileDigest digest = folder.readAndHash("1MiB.bin", 0);
		assertThat(digest.name()).isEqualTo("1MiB.bin");
		assertThat(digest.sizeBytes()).isEqualTo(1 << 20);
		assertThat(digest.sha256()).isEqualTo(sha256(this.directory.resolve("1MiB.bin")));
	}

	@Test
	void waitsTheSimulatedStorageLatencyBeforeReading() throws Exception {
		Files.writeString(this.directory.resolve("small.txt"), "hello");
		DataFolder folder = folder(false);
		long start = System.nanoTime();
		FileDigest digest = folder.readAndHash("small.txt", 200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(digest.latencyMs()).isGreaterThanOrEqualTo(200);
		assertThat(digest.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	}

	@Test
	void anInterruptStopsTheWait() throws Exception {
		Files.writeString(this.directory.resolve("small.txt"), "hello");
		DataFolder folder = folder(false);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread reader = new Thread(() -> {
			try {
				folder.readAndHash("small.txt", 60_000);
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

	@ParameterizedTest
	@ValueSource(strings = { "..", "../secret.txt", "/etc/passwd", "a/b", "a\\b", ".hidden", "", "missing.bin", "sub",
			"%2e%2e%2fsecret.txt", "a\u0000b" })
	void neverResolvesANameOutsideTheFolderOrNotAPlainFile(String name) throws IOException {
		Path folderPath = Files.createDirectories(this.directory.resolve("data"));
		Files.writeString(this.directory.resolve("secret.txt"), "secret");
		Files.createDirectories(folderPath.resolve("sub"));
		Files.writeString(folderPath.resolve(".hidden"), "hidden");
		DataFolder folder = new DataFolder(new OffloadProperties(folderPath, Duration.ZERO, false));
		assertThatExceptionOfType(DataFileNotFoundException.class).isThrownBy(() -> folder.resolve(name));
	}

	@Test
	void refusesASymlinkThatPointsOutOfTheFolder() throws IOException {
		Path folderPath = Files.createDirectories(this.directory.resolve("data"));
		Path secret = Files.writeString(this.directory.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(folderPath.resolve("escape.txt"), secret);
		Files.createSymbolicLink(folderPath.resolve("passwd"), Path.of("/etc/passwd"));
		DataFolder folder = new DataFolder(new OffloadProperties(folderPath, Duration.ZERO, false));
		assertThatExceptionOfType(DataFileNotFoundException.class).isThrownBy(() -> folder.resolve("escape.txt"));
		assertThatExceptionOfType(DataFileNotFoundException.class).isThrownBy(() -> folder.resolve("passwd"));
		assertThat(folder.list()).isEmpty();
	}

	@Test
	void resolvesAPlainFileToItsRealPath() throws IOException {
		Path file = Files.writeString(this.directory.resolve("notes.txt"), "x");
		DataFolder folder = folder(false);
		assertThat(folder.resolve("notes.txt")).isEqualTo(file.toRealPath());
	}

	private DataFolder folder(boolean samples) {
		return new DataFolder(new OffloadProperties(this.directory, Duration.ZERO, samples));
	}

	static String sha256(Path file) throws IOException {
		return HexFormat.of().formatHex(DataFolder.sha256().digest(Files.readAllBytes(file)));
	}

}
