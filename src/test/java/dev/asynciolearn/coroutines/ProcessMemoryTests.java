package dev.asynciolearn.coroutines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessMemoryTests {

	@Test
	@EnabledOnOs(OS.LINUX)
	void onLinuxTheResidentSetIsReadInBytes() {
		Runtime runtime = Runtime.getRuntime();
		assertThat(ProcessMemory.residentSetBytes()).as("at least the heap in use, and less than the machine has")
			.isGreaterThan(runtime.totalMemory() - runtime.freeMemory())
			.isLessThan(1L << 40);
	}

}
