package dev.asynciolearn.offload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.asynciolearn.system.ApiProblem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any name at all, the data folder either answers a regular file directly inside it,
 * or refuses: never a path outside, whatever the dots, separators, encodings or symlinks.
 */
class DataFolderProperties {

	private static Path outside;

	private static Path root;

	private static DataFolder folder;

	@BeforeContainer
	static void createFolder() throws IOException {
		outside = Files.createTempDirectory("data-folder-properties");
		root = Files.createDirectories(outside.resolve("data"));
		Files.writeString(outside.resolve("secret.txt"), "secret");
		Files.writeString(root.resolve("a.txt"), "a");
		Files.writeString(root.resolve("b.bin"), "b");
		Files.createDirectories(root.resolve("sub"));
		Files.writeString(root.resolve("sub").resolve("nested.txt"), "nested");
		Files.createSymbolicLink(root.resolve("escape"), outside.resolve("secret.txt"));
		Files.createSymbolicLink(root.resolve("up"), outside);
		folder = new DataFolder(new OffloadProperties(root, Duration.ZERO, false));
	}

	@AfterContainer
	static void deleteFolder() throws IOException {
		try (var files = Files.walk(outside)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	@Property(tries = 2000)
	void anyNameResolvesInsideTheFolderOrIsRefused(@ForAll("names") String name) throws IOException {
		Path resolved;
		try {
			resolved = folder.resolve(name);
		}
		catch (ApiProblem ex) {
			return;
		}
		assertThat(resolved.getParent()).isEqualTo(root.toRealPath());
		assertThat(Files.isRegularFile(resolved)).isTrue();
		assertThat(resolved.getFileName().toString()).isIn("a.txt", "b.bin");
	}

	@Provide
	Arbitrary<String> names() {
		Arbitrary<String> pieces = Arbitraries.of("a.txt", "b.bin", "..", ".", "/", "\\", "%2e", "%2f", "sub",
				"nested.txt", "escape", "up", "secret.txt", "\u0000", "~", "C:", "//", "a", ".txt", "\u2215", "%00");
		Arbitrary<String> glued = pieces.list().ofMinSize(1).ofMaxSize(6).map((parts) -> String.join("", parts));
		Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(120);
		return Arbitraries.oneOf(glued, anything, Arbitraries.of("a.txt", "b.bin"));
	}

}
