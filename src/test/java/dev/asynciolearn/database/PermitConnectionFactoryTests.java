package dev.asynciolearn.database;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.asynciolearn.sync.ReactiveSemaphore;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class PermitConnectionFactoryTests {

	private final ReactiveSemaphore permits = new ReactiveSemaphore(3);

	private final ConnectionPool pool = new ConnectionPool(
			ConnectionPoolConfiguration.builder(slowToConnect()).initialSize(0).maxSize(10).build());

	private final PermitConnectionFactory factory = new PermitConnectionFactory(this.pool, this.permits,
			Duration.ofSeconds(5));

	@AfterEach
	void disposePool() {
		this.pool.dispose();
	}

	@Test
	void aConnectionHoldsItsPermitUntilClosedOnce() {
		Connection connection = Mono.from(this.factory.create()).block(Duration.ofSeconds(5));
		assertThat(this.permits.held()).isOne();
		Mono.from(connection.close()).then(Mono.from(connection.close())).block(Duration.ofSeconds(5));
		assertThat(this.permits.held()).isZero();
		assertThat(acquiredFromPool()).isZero();
	}

	@Test
	void noMoreConnectionsThanPermitsAreHandedOut() {
		List<Connection> three = Flux.range(0, 3)
			.flatMap((i) -> this.factory.create())
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(acquiredFromPool()).isEqualTo(3);
		StepVerifier.create(this.factory.create())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.then(() -> Mono.from(three.get(0).close()).subscribe())
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void callersCancellingAtRandomMomentsLeakNoPermitAndNoConnection() {
		List<Disposable> callers = Flux.range(0, 2000)
			.map((i) -> Mono
				.usingWhen(this.factory.create(), (connection) -> Mono.delay(Duration.ofMillis(1)).then(),
						Connection::close)
				.subscribe())
			.collectList()
			.block(Duration.ofSeconds(5));
		callers.forEach((caller) -> {
			if (ThreadLocalRandom.current().nextBoolean()) {
				caller.dispose();
			}
		});
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(this.permits.held() + this.permits.waiting()).isZero();
			assertThat(acquiredFromPool()).isZero();
		});
		assertThat(this.permits.peakHeld()).isLessThanOrEqualTo(3);
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void aConnectionThatArrivesAfterItsCallerHungUpIsClosed() {
		AtomicInteger closed = new AtomicInteger();
		Connection late = mock(Connection.class);
		given(late.close()).willReturn(Mono.fromRunnable(closed::incrementAndGet));
		// A pool that has already handed the connection on when the cancel reaches it: a
		// signal may cross a cancel (Reactive Streams 3.12).
		AtomicReference<Subscriber<? super Connection>> caller = new AtomicReference<>();
		ConnectionFactory racing = mock(ConnectionFactory.class);
		given(racing.create()).willReturn((Publisher) (subscriber) -> {
			caller.set((Subscriber<? super Connection>) subscriber);
			subscriber.onSubscribe(Operators.emptySubscription());
		});
		PermitConnectionFactory factory = new PermitConnectionFactory(racing, this.permits, Duration.ofSeconds(5));
		Disposable waiting = factory.create().subscribe();
		await().atMost(Duration.ofSeconds(5)).until(() -> caller.get() != null);
		waiting.dispose();
		caller.get().onNext(late);
		caller.get().onComplete();
		assertThat(closed).as("connections closed").hasValue(1);
		assertThat(this.permits.held()).as("permits held").isZero();
	}

	private int acquiredFromPool() {
		return this.pool.getMetrics().orElseThrow().acquiredSize();
	}

	/**
	 * A driver whose connections take up to half a millisecond to open, so that
	 * cancellations land mid-way.
	 */
	private static ConnectionFactory slowToConnect() {
		ConnectionFactory driver = mock(ConnectionFactory.class);
		given(driver.create()).willAnswer((invocation) -> Mono
			.delay(Duration.ofNanos(ThreadLocalRandom.current().nextInt(500_000)), Schedulers.parallel())
			.map((tick) -> {
				Connection connection = mock(Connection.class);
				given(connection.validate(any())).willReturn(Mono.just(true));
				given(connection.close()).willReturn(Mono.empty());
				return connection;
			}));
		return driver;
	}

}
