package dev.asynciolearn.system;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

import org.springframework.context.annotation.Configuration;

/**
 * Copies the correlation id between the Reactor context and the logging MDC whenever a
 * request's work moves to another thread (with
 * {@code spring.reactor.context-propagation=auto}).
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
