package dev.asynciolearn;

import dev.asynciolearn.postgres.TestcontainersConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: the app on a PostgreSQL container (needs Docker).
 */
public class TestAsyncioLearnApplication {

	public static void main(String[] args) {
		SpringApplication.from(AsyncioLearnApplication::main).with(TestcontainersConfiguration.class).run(args);
	}

}
