package dev.asynciolearn.database;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness follows the gate: {@code OUT_OF_SERVICE} until the table exists, so an
 * orchestrator sends no traffic to an instance whose requests would only wait. Liveness
 * is not affected.
 */
@Component
class TableGateHealthIndicator implements ReactiveHealthIndicator {

	private final TableGate gate;

	TableGateHealthIndicator(TableGate gate) {
		this.gate = gate;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromSupplier(() -> {
			TableGate.GateState state = this.gate.state();
			Health.Builder health = state.open() ? Health.up() : Health.outOfService();
			return health.withDetail("table", TableInitializer.TABLE)
				.withDetail("open", state.open())
				.withDetail("waiting", state.waiting())
				.build();
		});
	}

}
