package dev.asynciolearn.database;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.asynciolearn.postgres.SharedEmbeddedPostgres;
import dev.asynciolearn.sync.ReactiveSemaphore;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.RepeatedTest;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The permits in front of a fresh r2dbc-pool on the real driver, so that callers hang up
 * while their connections are still being opened (the handshake, then the driver's type
 * lookup): afterwards no permit, no pooled connection and no pending acquire is left.
 */
class PermitConnectionFactoryIntegrationTests {

	@RepeatedTest(3)
	void callersHangingUpWhileConnectionsOpenLeaveThePoolIdle() {
		ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration
			.builder(ConnectionFactories.get(SharedEmbeddedPostgres.get().connectionFactoryOptions()))
			.initialSize(0)
			.maxSize(20)
			.build());
		ReactiveSemaphore permits = new ReactiveSemaphore(10);
		PermitConnectionFactory connections = new PermitConnectionFactory(pool, permits, Duration.ofSeconds(10));
		try {
			Flux.range(0, 200).subscribe((i) -> {
				Disposable caller = Mono
					.usingWhen(connections.create(), (connection) -> Mono.delay(Duration.ofMillis(20)),
							Connection::close)
					.subscribe();
				Mono.delay(Duration.ofNanos(ThreadLocalRandom.current().nextLong(50_000_000)))
					.subscribe((tick) -> caller.dispose());
			});
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				PoolMetrics metrics = pool.getMetrics().orElseThrow();
				assertThat(permits.held() + permits.waiting()).as("permits held or awaited").isZero();
				assertThat(metrics.acquiredSize()).as("pooled connections acquired").isZero();
				assertThat(metrics.pendingAcquireSize()).as("acquires pending").isZero();
			});
		}
		finally {
			pool.dispose();
		}
	}

}
