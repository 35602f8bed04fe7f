package dev.asynciolearn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Draft7;
import com.networknt.schema.keyword.AnnotationKeyword;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose up --build} as the README tells it ("Two replicas on one
 * PostgreSQL"), checked without Docker: the compose file is held to the Compose
 * Specification's JSON schema, and to what the README claims of it and of the nginx
 * configuration. Schema: {@code src/test/resources/compose-spec.json},
 * compose-spec/compose-spec's {@code schema/compose-spec.json} at commit
 * 170098ba07d9f53c383a41bfd4c5166b0a4529a6.
 */
class ComposeFileTests {

	private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");

	private static final Path NGINX_CONF = Path.of("compose/nginx.conf");

	/**
	 * Draft-07, which the schema declares, plus {@code deprecated}: the schema marks old
	 * keys with it, an annotation from a later draft.
	 */
	private static final Schema COMPOSE_SPEC = SchemaRegistry
		.withDialect(Dialect.builder(Draft7.getInstance()).keyword(new AnnotationKeyword("deprecated")).build())
		.getSchema(SchemaLocation.of("classpath:compose-spec.json"));

	private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)\\}");

	private static final Pattern READ_TIMEOUT = Pattern.compile("proxy_read_timeout\\s+(\\d+)s;");

	private final JsonNode services = new YAMLMapper().readTree(read(COMPOSE_FILE)).path("services");

	private final String nginx = read(NGINX_CONF).replaceAll("#[^\\n]*", "");

	@Test
	void theComposeFileFollowsTheComposeSpecification() {
		assertThat(errors(read(COMPOSE_FILE))).isEmpty();
	}

	@Test
	void theSchemaRefusesAnUnknownTopLevelKeyAndReplicasThatAreNotANumber() {
		String compose = read(COMPOSE_FILE);
		assertThat(errors(compose + "\nreplicas: 2\n")).anyMatch((error) -> error.contains("replicas"));
		assertThat(errors(compose.replace("replicas: 2", "replicas: [2]")))
			.anyMatch((error) -> error.startsWith("/services/app/deploy/replicas"));
	}

	@Test
	void twoReplicasOfTheAppUseTheOnePostgres() {
		JsonNode app = this.services.path("app");
		assertThat(app.path("deploy").path("replicas").asInt()).isEqualTo(2);
		assertThat(this.services.propertyNames())
			.filteredOn((name) -> this.services.path(name).path("image").asString("").startsWith("postgres:"))
			.containsExactly("postgres");
		assertThat(app.path("environment").path("SPRING_R2DBC_URL").asString()).contains("//postgres:5432/");
		assertThat(app.path("depends_on").path("postgres").path("condition").asString()).isEqualTo("service_healthy");
	}

	@Test
	void theProxyPublishesThePortAndTheAppDoesNot() {
		JsonNode proxy = this.services.path("proxy");
		assertThat(this.services.path("app").has("ports")).isFalse();
		assertThat(proxy.path("image").asString()).startsWith("nginx:");
		assertThat(proxy.path("ports").values()).extracting(JsonNode::asString).containsExactly("8080:80");
		assertThat(proxy.path("volumes").values()).extracting(JsonNode::asString)
			.contains("./" + NGINX_CONF + ":/etc/nginx/conf.d/default.conf:ro");
		// nginx resolves the replicas' addresses once, at start: both must be up by then.
		assertThat(proxy.path("depends_on").path("app").path("condition").asString()).isEqualTo("service_healthy");
	}

	@Test
	void theProxyRoundRobinsOverTheAppServiceAndPassesStreamsUnbuffered() {
		Matcher upstream = UPSTREAM.matcher(this.nginx);
		assertThat(upstream.find()).as("an upstream block in " + NGINX_CONF).isTrue();
		// One round-robin state for every nginx worker (zone), or two requests may reach
		// one replica.
		assertThat(upstream.group(2)).contains("server app:8080;", "zone app ")
			.doesNotContain("ip_hash", "least_conn", "hash ", "random");
		assertThat(this.nginx).contains("proxy_pass http://" + upstream.group(1) + ";")
			.contains("proxy_buffering off;")
			.contains("proxy_ignore_client_abort off;");
		Matcher readTimeout = READ_TIMEOUT.matcher(this.nginx);
		assertThat(readTimeout.find()).as("proxy_read_timeout in seconds").isTrue();
		// Above the longest demo (60 s), which may say nothing until it ends.
		assertThat(Integer.parseInt(readTimeout.group(1))).isGreaterThanOrEqualTo(70);
	}

	private static List<String> errors(String compose) {
		return COMPOSE_SPEC.validate(compose, InputFormat.YAML).stream().map(Error::toString).toList();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
