package dev.asynciolearn.offload;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * How many of the demos' blocking calls run right now (on {@code boundedElastic-*}, or on
 * an event loop for the anti-pattern).
 */
@Component
class OffloadMeters implements MeterBinder {

	private final OffloadService service;

	OffloadMeters(OffloadService service) {
		this.service = service;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder("asyncio.offload.blocking.running", this.service, OffloadService::blockingCallsRunning)
			.description("Blocking calls (file reads, long jobs) in progress")
			.register(meters);
		Gauge.builder("asyncio.offload.blocking.queued", this.service, OffloadService::blockingCallsQueued)
			.description("Offloaded blocking calls waiting for a free boundedElastic thread")
			.register(meters);
	}

}
