package dev.asynciolearn.coroutines;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a thread costs next to a {@code Mono}, worked out from the two measurements, and
 * said only where both are known.
 */
class ScaleComparisonTests {

	@Test
	void theRatiosAreThreadOverMono() {
		ScaleComparison comparison = ScaleComparison.of(monos(1_000L), threads(40_000L), threads(2_000L));
		assertThat(comparison.ratios().threadStartCostVsMono()).isEqualTo(50.0);
		assertThat(comparison.ratios().threadMemoryVsMono()).isEqualTo(40.0);
	}

	@Test
	void theMemoryRatioIsLeftOutWhenEitherSideIsUnknownOrZero() {
		assertThat(ScaleComparison.of(monos(null), threads(40_000L), threads(2_000L)).ratios().threadMemoryVsMono())
			.isNull();
		assertThat(ScaleComparison.of(monos(1_000L), threads(null), threads(2_000L)).ratios().threadMemoryVsMono())
			.isNull();
		assertThat(ScaleComparison.of(monos(0L), threads(40_000L), threads(2_000L)).ratios().threadMemoryVsMono())
			.isNull();
	}

	private static MonoWaits monos(Long allocatedBytesPerWait) {
		return new MonoWaits(100, 1000, 1000.5, 0.2, 2_000, allocatedBytesPerWait, 2, Set.of("parallel-1"), 30);
	}

	private static ThreadWaits threads(Long residentMemoryPerThreadBytes) {
		return new ThreadWaits(100, 1000, 10, 100_000, 30, 130, residentMemoryPerThreadBytes, 100, 1010.2);
	}

}
