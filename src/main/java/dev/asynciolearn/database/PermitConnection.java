package dev.asynciolearn.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.asynciolearn.sync.ReactiveSemaphore.Permit;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pooled connection that holds a permit of the app-wide semaphore; closing it returns
 * both, exactly once. A proxy that intercepts {@code close()} and {@code unwrap()} and
 * hands every other call to the pooled connection, the way Spring's own
 * {@code SingleConnectionFactory} suppresses {@code close()}.
 */
final class PermitConnection implements InvocationHandler {

	private static final Class<?>[] INTERFACES = { Connection.class, Wrapped.class };

	private final Connection delegate;

	private final Permit permit;

	private final AtomicBoolean closed = new AtomicBoolean();

	private PermitConnection(Connection delegate, Permit permit) {
		this.delegate = delegate;
		this.permit = permit;
	}

	/**
	 * The pooled connection, now holding {@code permit} until it is closed.
	 * @param delegate the pooled connection
	 * @param permit the permit it holds
	 * @return the connection to hand out
	 */
	static Connection of(Connection delegate, Permit permit) {
		return (Connection) Proxy.newProxyInstance(PermitConnection.class.getClassLoader(), INTERFACES,
				new PermitConnection(delegate, permit));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		return switch (method.getName()) {
			case "close" -> close();
			case "unwrap" -> this.delegate;
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> "PermitConnection[" + this.delegate + "]";
			default -> forward(method, args);
		};
	}

	private Mono<Void> close() {
		return Mono.defer(() -> {
			if (!this.closed.compareAndSet(false, true)) {
				return Mono.empty();
			}
			// The permit goes back even when closing the connection fails.
			return Flux.concatDelayError(this.delegate.close(), this.permit.release()).then();
		});
	}

	private @Nullable Object forward(Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(this.delegate, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
