package dev.asynciolearn.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leak check works: a buffer dropped without {@code release()} is reported.
 */
class NettyLeaksTests {

	@Test
	void aBufferNeverReleasedIsReported() {
		leakOne();
		List<String> reports = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			System.gc();
			// Netty looks for collected buffers when it tracks a new one.
			PooledByteBufAllocator.DEFAULT.buffer(8).release();
			reports.addAll(NettyLeaks.drain());
			return !reports.isEmpty();
		});
		assertThat(reports).first().asString().contains("LEAK:");
	}

	private static void leakOne() {
		ByteBuf leaked = PooledByteBufAllocator.DEFAULT.buffer(16);
		leaked.writeInt(42);
	}

}
