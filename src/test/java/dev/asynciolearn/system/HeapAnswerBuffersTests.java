package dev.asynciolearn.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.PooledByteBufAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An answer's buffer that the framework drops without releasing it is collected like any
 * object, where one from the connection's pool would be lost to it.
 */
class HeapAnswerBuffersTests {

	private static final DataBufferFactory POOLED = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	@Test
	void anAnswerBufferDroppedWithoutReleaseIsNoLeak() {
		dropOne(answerBuffers(new HeapAnswerBuffers()));
		assertThat(NettyLeaks.collectAndDrain()).isEmpty();
	}

	@Test
	void withoutItTheSameDropIsALeak() {
		dropOne(answerBuffers((handler) -> handler));
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !NettyLeaks.collectAndDrain().isEmpty());
	}

	@Test
	void filesStillGoOutWithZeroCopyWhereTheServerCan() {
		ZeroCopyResponse server = new ZeroCopyResponse();
		ServerHttpResponse decorated = decorated(server);
		assertThat(decorated).isInstanceOf(ZeroCopyHttpOutputMessage.class);
		((ZeroCopyHttpOutputMessage) decorated).writeWith(Path.of("1KiB.bin"), 0, 1024).block();
		assertThat(server.written).isEqualTo(Path.of("1KiB.bin"));
		assertThat(decorated(new MockServerHttpResponse(POOLED))).isNotInstanceOf(ZeroCopyHttpOutputMessage.class);
	}

	private static ServerHttpResponse decorated(ServerHttpResponse response) {
		AtomicReference<ServerHttpResponse> seen = new AtomicReference<>();
		new HeapAnswerBuffers().apply((request, handled) -> {
			seen.set(handled);
			return Mono.empty();
		}).handle(MockServerHttpRequest.get("/").build(), response).block();
		return seen.get();
	}

	/**
	 * A server response that can send a file without copying it, as Reactor Netty's can.
	 */
	private static final class ZeroCopyResponse extends ServerHttpResponseDecorator
			implements ZeroCopyHttpOutputMessage {

		private @Nullable Path written;

		ZeroCopyResponse() {
			super(new MockServerHttpResponse(POOLED));
		}

		@Override
		public Mono<Void> writeWith(Path file, long position, long count) {
			this.written = file;
			return Mono.empty();
		}

	}

	/**
	 * The factory a handler behind the decorator encodes its answer with, on a connection
	 * whose own factory is Netty's pool.
	 */
	private static DataBufferFactory answerBuffers(HttpHandlerDecoratorFactory decorator) {
		AtomicReference<DataBufferFactory> seen = new AtomicReference<>();
		decorator.apply((request, response) -> {
			seen.set(response.bufferFactory());
			return Mono.empty();
		}).handle(MockServerHttpRequest.get("/").build(), new MockServerHttpResponse(POOLED)).block();
		return seen.get();
	}

	private static void dropOne(DataBufferFactory factory) {
		factory.allocateBuffer(64).write("{\"answer\":42}", StandardCharsets.UTF_8);
	}

}
