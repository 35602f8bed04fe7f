package dev.asynciolearn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.asynciolearn.postgres.TestDatabaseConfiguration;
import dev.asynciolearn.system.ApiContract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port, on real PostgreSQL, under BlockHound, with a
 * {@code WebTestClient} whose every exchange is held to the API description
 * ({@link ApiContract}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "asyncio-learn.offload.data-directory=target/test-data/files")
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ TestDatabaseConfiguration.class, ApiContract.Configuration.class })
public @interface IntegrationTest {

}
