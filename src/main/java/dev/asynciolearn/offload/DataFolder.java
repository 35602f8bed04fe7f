package dev.asynciolearn.offload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.asynciolearn.system.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * The one folder the file demos read from: a name resolves to a regular file directly
 * inside it, or to nothing.
 * <p>
 * Blocking (file system calls): call it from {@code Schedulers.boundedElastic()}, never
 * from an event loop, except in the anti-pattern demo.
 */
@Component
class DataFolder {

	/** A plain file name: no separators, no leading dot, at most 100 characters. */
	static final String NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";

	static final String NAME_RULE = "must be a file name in the data folder: 1 to 100 letters, digits, '.', '_' or '-', not starting with '.'";

	private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

	private final Path root;

	DataFolder(OffloadProperties properties) {
		try {
			Files.createDirectories(properties.dataDirectory());
			this.root = properties.dataDirectory().toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not prepare the data folder " + properties.dataDirectory().toAbsolutePath(), ex);
		}
	}

	Path root() {
		return this.root;
	}

	/**
	 * The file's real path, only if it is a regular file directly inside the data folder.
	 * @param name a file name
	 * @return the real path of the file
	 * @throws ApiProblem a 404 if there is no such file in the folder, or it resolves
	 * outside it
	 */
	Path resolve(String name) {
		if (!NAME.matcher(name).matches()) {
			throw notFound(name);
		}
		Path candidate = this.root.resolve(name).normalize();
		if (!this.root.equals(candidate.getParent())) {
			throw notFound(name);
		}
		try {
			Path real = candidate.toRealPath();
			if (!this.root.equals(real.getParent()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
				throw notFound(name);
			}
			return real;
		}
		catch (NoSuchFileException ex) {
			throw notFound(name);
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
			return files.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
				.filter((file) -> NAME.matcher(file.getFileName().toString()).matches())
				.sorted()
				.map((file) -> new DataFile(file.getFileName().toString(), size(file)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static ApiProblem notFound(String name) {
		return ApiProblem.notFound("File not found", "name", "Parameter 'name': no file named '" + name
				+ "' in the data folder; GET /api/offload/files lists the files there");
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
