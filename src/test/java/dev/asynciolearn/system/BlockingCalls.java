package dev.asynciolearn.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound for the whole test run, with a memory: every blocking call it catches on a
 * non-blocking thread ({@code reactor-http-*}, {@code parallel-*}) is recorded, then
 * fails the work as usual.
 * <p>
 * Installed once per test JVM by {@link BlockHoundSessionListener}; found by BlockHound
 * through {@code META-INF/services}.
 */
public final class BlockingCalls implements BlockHoundIntegration {

	private static final List<String> detected = new CopyOnWriteArrayList<>();

	private static volatile boolean tolerating;

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// java.nio file reads: BlockHound's defaults only know java.io streams.
		builder.markAsBlocking("sun.nio.ch.FileDispatcherImpl", "read0", "(Ljava/io/FileDescriptor;JI)I");
		builder.markAsBlocking("sun.nio.ch.UnixFileDispatcherImpl", "read0", "(Ljava/io/FileDescriptor;JI)I");
		// Jackson builds a deserializer once per type under a lock; concurrent first uses
		// wait on it briefly.
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
		// Hibernate Validator caches a type's constraint metadata on first use, under a
		// segment lock; concurrent first validations of one body type wait on it briefly.
		builder.allowBlockingCallsInside("org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl",
				"getBeanMetaData");
		// Swagger UI's static files: Spring resolves and springdoc transforms them from
		// the webjar on the calling
		// thread. Small, cached by the browser, and only the documentation pages.
		builder.allowBlockingCallsInside("org.springframework.web.reactive.resource.PathResourceResolver",
				"getResource");
		builder.allowBlockingCallsInside("org.springframework.web.reactive.resource.LiteWebJarsResourceResolver",
				"findWebJarResourcePath");
		builder.allowBlockingCallsInside("org.springdoc.ui.AbstractSwaggerIndexTransformer", "readFullyAsString");
		// Reactor looks for context-propagation once, when the class is first used: on a
		// non-blocking thread, if that is where Reactor is first used (a grading test).
		builder.allowBlockingCallsInside("reactor.core.publisher.ContextPropagationSupport", "<clinit>");
		builder.blockingMethodCallback((method) -> {
			detected.add(method + " on " + Thread.currentThread().getName());
			if (!tolerating) {
				throw new BlockingOperationError(method);
			}
		});
	}

	/**
	 * Blocking calls caught so far, as
	 * {@code "java.lang.Thread.sleep on reactor-http-epoll-2"}.
	 * @return a snapshot of what BlockHound caught
	 */
	public static List<String> detected() {
		return List.copyOf(detected);
	}

	/**
	 * Run {@code action} with BlockHound recording blocking calls without failing them,
	 * for the one place that blocks on purpose (the anti-pattern endpoint exercised as a
	 * user would).
	 * @param <T> what the action returns
	 * @param action the action
	 * @return what the action returned
	 */
	public static <T> T tolerating(Supplier<T> action) {
		tolerating = true;
		try {
			return action.get();
		}
		finally {
			tolerating = false;
		}
	}

}
