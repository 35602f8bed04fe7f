package dev.asynciolearn.system;

import java.nio.file.Path;

import io.netty.buffer.UnpooledByteBufAllocator;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;

/**
 * Answers are encoded into heap buffers that no pool owns, so a buffer the framework
 * drops when a client hangs up is collected like any other object.
 * <p>
 * By default Spring encodes an answer into a buffer from the connection's allocator,
 * Netty's pool. When the client hangs up at the moment that buffer is handed to Reactor
 * Netty, the framework can drop it without releasing it: a single answer in
 * {@code AbstractServerHttpResponse.writeWith} (spring-framework#36438, open), a stream's
 * item in its {@code ChannelSendOperator}. A pooled buffer dropped so never goes back to
 * the pool; {@code HangUpIntegrationTests} saw Netty report such buffers within a hundred
 * hang-ups. A heap buffer costs one copy into Netty's own direct buffer at the socket,
 * which Netty releases itself. Requests are still read into pooled buffers, which the
 * framework does release.
 */
@Component
class HeapAnswerBuffers implements HttpHandlerDecoratorFactory {

	/** Heap buffers, not tracked by the leak detector: there is nothing to give back. */
	private static final DataBufferFactory HEAP = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false, true));

	@Override
	public HttpHandler apply(HttpHandler handler) {
		return (request, response) -> handler.handle(request, (response instanceof ZeroCopyHttpOutputMessage)
				? new ZeroCopyHeapBuffered(response) : new HeapBuffered(response));
	}

	private static class HeapBuffered extends ServerHttpResponseDecorator {

		HeapBuffered(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return HEAP;
		}

	}

	/**
	 * Files still go out with zero copy (sendfile) where the server can: no buffer of
	 * ours is involved.
	 */
	private static final class ZeroCopyHeapBuffered extends HeapBuffered implements ZeroCopyHttpOutputMessage {

		ZeroCopyHeapBuffered(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Path file, long position, long count) {
			return ((ZeroCopyHttpOutputMessage) getDelegate()).writeWith(file, position, count);
		}

	}

}
