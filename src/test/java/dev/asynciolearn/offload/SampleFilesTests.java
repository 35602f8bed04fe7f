package dev.asynciolearn.offload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SampleFilesTests {

	@TempDir
	Path directory;

	@Test
	void writesTheSampleFilesOnceWithStableContent() throws IOException {
		DataFolder folder = folder(true);
		assertThat(folder.list()).extracting(DataFolder.DataFile::name)
			.containsExactly("16MiB.bin", "1KiB.bin", "1MiB.bin", "64MiB.bin");
		for (var sample : SampleFiles.SAMPLES.entrySet()) {
			assertThat(Files.size(this.directory.resolve(sample.getKey()))).isEqualTo(sample.getValue());
		}
		String before = sha256(this.directory.resolve("1MiB.bin"));
		long modified = Files.getLastModifiedTime(this.directory.resolve("1MiB.bin")).toMillis();
		folder(true);
		assertThat(sha256(this.directory.resolve("1MiB.bin"))).isEqualTo(before);
		assertThat(Files.getLastModifiedTime(this.directory.resolve("1MiB.bin")).toMillis()).isEqualTo(modified);
		assertThat(Files.list(this.directory)).noneMatch((file) -> file.toString().endsWith(".part"));
	}

	private DataFolder folder(boolean samples) {
		DataFolder folder = new DataFolder(new OffloadProperties(this.directory, Duration.ZERO, samples));
		if (samples) {
			SampleFiles.write(folder.root());
		}
		return folder;
	}

	private static String sha256(Path file) throws IOException {
		return SlowStorageTests.sha256(file);
	}

}
