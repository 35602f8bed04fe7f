package dev.asynciolearn.system;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

import org.springframework.context.annotation.Configuration;

/**
 * Lets Reactor copy the correlation id from its context into the logging MDC where it
 * restores thread-locals: in {@code handle} and {@code tap} with the default
 * {@code spring.reactor.context-propagation=limited}, at every operator with {@code auto}
 * (which costs about twice the CPU per request, so the service does not use it).
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new CorrelationIdAccessor());
	}

	/**
	 * The MDC entry {@code correlationId}, under the same key in the Reactor context.
	 */
	static final class CorrelationIdAccessor implements ThreadLocalAccessor<String> {

		@Override
		public Object key() {
			return CorrelationIdFilter.KEY;
		}

		@Override
		public String getValue() {
			return MDC.get(CorrelationIdFilter.KEY);
		}

		@Override
		public void setValue(String value) {
			MDC.put(CorrelationIdFilter.KEY, value);
		}

		@Override
		public void setValue() {
			MDC.remove(CorrelationIdFilter.KEY);
		}

	}

}
