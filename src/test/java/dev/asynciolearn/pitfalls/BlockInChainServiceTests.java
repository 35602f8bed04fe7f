package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.pitfalls.BlockInChainService.BlockInChainResult;
import dev.asynciolearn.timeline.Report;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads: Reactor refuses {@code block()} on its non-blocking ones.
 */
class BlockInChainServiceTests {

	private final BlockInChainService service = new BlockInChainService();

	@Test
	void brokenBlockInsideThePipelineIsRefusedWithReactorsOwnMessageAndASleepIsCaughtByBlockHound() {
		BlockInChainResult result = run(Variant.BROKEN);
		assertThat(result.total()).isNull();
		assertThat(result.refused())
			.startsWith("block()/blockFirst()/blockLast() are blocking, which is not supported in thread parallel-");
		assertThat(result.sleep()).as("BlockHound runs in the tests")
			.startsWith("BlockHound: Blocking call! java.lang.Thread.sleep");
	}

	@Test
	void fixedFlatMapComposesAndMonoDelayWaitsWithoutAThread() {
		assertThat(run(Variant.FIXED)).isEqualTo(new BlockInChainResult(Variant.FIXED, 42, null, null));
	}

	private BlockInChainResult run(Variant variant) {
		Report<BlockInChainResult> report = this.service.run(new LabRequest(variant)).block(Duration.ofSeconds(5));
		assertThat(report).isNotNull();
		return report.result();
	}

}
