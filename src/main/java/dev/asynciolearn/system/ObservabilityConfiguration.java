package dev.asynciolearn.system;

import dev.asynciolearn.timeline.VirtualThreadDemo;
import io.micrometer.common.KeyValues;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.MDC;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * Lets Reactor copy the correlation id from its context into the logging MDC where it
 * restores thread-locals: in {@code handle} and {@code tap} with the default
 * {@code spring.reactor.context-propagation=limited}, at every operator with {@code auto}
 * (which cost up to a fifth more CPU per request, measured in bench/README.md, so the
 * service does not use it). Also keeps the request observation to what the metrics use.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new CorrelationIdAccessor());
	}

	/**
	 * {@code http.server.requests} with Boot's name and tags (method, route, status,
	 * outcome) but without the high-cardinality {@code http.url}: only tracing reads it,
	 * this service has none, and building it was a third of the observation's CPU per
	 * request (bench/).
	 */
	@Bean
	ServerRequestObservationConvention serverRequestObservationConvention(ObservationProperties properties) {
		return new LowCardinalityOnly(properties.getHttp().getServer().getRequests().getName());
	}

	/**
	 * {@code asyncio.vthreads.demos.running}: the virtual-thread demos running now. A
	 * client that hangs up interrupts its demo, which ends within milliseconds.
	 */
	@Bean
	MeterBinder virtualThreadDemos() {
		return (registry) -> Gauge.builder("asyncio.vthreads.demos.running", VirtualThreadDemo::running)
			.description("virtual-thread demos running now")
			.register(registry);
	}

	static final class LowCardinalityOnly extends DefaultServerRequestObservationConvention {

		LowCardinalityOnly(String name) {
			super(name);
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
			return KeyValues.empty();
		}

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
