package dev.asynciolearn.postgres;

import org.testcontainers.DockerClientFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The one way the integration suite gets its PostgreSQL: the server
 * {@code SPRING_R2DBC_URL} names when set; otherwise Testcontainers when Docker is
 * available; otherwise an embedded server shared by the whole test run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(DockerAvailable.class)
	@Import(TestcontainersConfiguration.class)
	static class WithDocker {

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(DockerUnavailable.class)
	static class WithoutDocker {

		@Bean
		R2dbcConnectionDetails sharedEmbeddedPostgres() {
			EmbeddedPostgresServer server = SharedEmbeddedPostgres.get();
			return server::connectionFactoryOptions;
		}

	}

	private static boolean urlConfigured(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty("spring.r2dbc.url"));
	}

	private static final class Docker {

		private static final boolean AVAILABLE = DockerClientFactory.instance().isDockerAvailable();

	}

	static class DockerAvailable extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return new ConditionOutcome(!urlConfigured(context) && Docker.AVAILABLE,
					"no spring.r2dbc.url and Docker available");
		}

	}

	static class DockerUnavailable extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return new ConditionOutcome(!urlConfigured(context) && !Docker.AVAILABLE,
					"no spring.r2dbc.url and no Docker");
		}

	}

}
