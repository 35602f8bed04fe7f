package dev.asynciolearn.tasks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code len(asyncio.all_tasks())} as a gauge.
 */
@Component
class TaskMeters implements MeterBinder {

	private final TaskRegistry registry;

	TaskMeters(TaskRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder("asyncio.tasks.pending", this.registry, TaskRegistry::pending)
			.description("Tasks of the task registry running now (asyncio.all_tasks())")
			.register(meters);
	}

}
