package dev.asynciolearn.offload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.asynciolearn.system.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DataFolderTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "..", "../secret.txt", "/etc/passwd", "a/b", "a\\b", ".hidden", "", "missing.bin", "sub",
			"%2e%2e%2fsecret.txt", "a\u0000b" })
	void neverResolvesANameOutsideTheFolderOrNotAPlainFile(String name) throws IOException {
		Path folderPath = Files.createDirectories(this.directory.resolve("data"));
		Files.writeString(this.directory.resolve("secret.txt"), "secret");
		Files.createDirectories(folderPath.resolve("sub"));
		Files.writeString(folderPath.resolve(".hidden"), "hidden");
		DataFolder folder = new DataFolder(new OffloadProperties(folderPath, Duration.ZERO, false));
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> folder.resolve(name));
	}

	@Test
	void refusesASymlinkThatPointsOutOfTheFolder() throws IOException {
		Path folderPath = Files.createDirectories(this.directory.resolve("data"));
		Path secret = Files.writeString(this.directory.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(folderPath.resolve("escape.txt"), secret);
		Files.createSymbolicLink(folderPath.resolve("passwd"), Path.of("/etc/passwd"));
		DataFolder folder = new DataFolder(new OffloadProperties(folderPath, Duration.ZERO, false));
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> folder.resolve("escape.txt"));
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> folder.resolve("passwd"));
		assertThat(folder.list()).isEmpty();
	}

	@Test
	void resolvesAPlainFileToItsRealPath() throws IOException {
		Path file = Files.writeString(this.directory.resolve("notes.txt"), "x");
		DataFolder folder = folder(false);
		assertThat(folder.resolve("notes.txt")).isEqualTo(file.toRealPath());
	}

	private DataFolder folder(boolean samples) {
		DataFolder folder = new DataFolder(new OffloadProperties(this.directory, Duration.ZERO, samples));
		if (samples) {
			SampleFiles.write(folder.root());
		}
		return folder;
	}

}
