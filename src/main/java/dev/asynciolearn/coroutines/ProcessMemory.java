package dev.asynciolearn.coroutines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The process's resident memory, from Linux's {@code /proc/self/status}; unknown
 * elsewhere. Blocking: call it from a worker.
 */
final class ProcessMemory {

	private static final Path STATUS = Path.of("/proc/self/status");

	private ProcessMemory() {
	}

	/**
	 * {@code VmRSS}, in bytes.
	 * @return the resident set size, or {@code null} where the OS does not tell
	 */
	static @Nullable Long residentSetBytes() {
		if (!Files.isReadable(STATUS)) {
			return null;
		}
		try {
			for (String line : Files.readAllLines(STATUS)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

}
