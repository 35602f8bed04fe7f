package dev.asynciolearn.collections;

import java.time.Duration;

import dev.asynciolearn.AsyncioLearnApplication;
import dev.asynciolearn.postgres.EmbeddedPostgresServer;
import dev.asynciolearn.postgres.SharedEmbeddedPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any value of a numeric parameter, the app either accepts it (a valid integer in
 * range, converted as Spring converts it) or answers 400 {@code application/problem+json}
 * naming that parameter: never a 500, never a crash. {@code wait-for} answers at once for
 * any accepted value, which lets the property try thousands.
 */
class ParameterValidationProperties {

	private static ConfigurableApplicationContext app;

	private static WebTestClient client;

	@BeforeContainer
	static void startApp() {
		EmbeddedPostgresServer postgres = SharedEmbeddedPostgres.get();
		SpringApplication application = new SpringApplication(AsyncioLearnApplication.class);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("propertiesDatabase", (R2dbcConnectionDetails) postgres::connectionFactoryOptions));
		app = application.run("--server.port=0", "--spring.main.banner-mode=off",
				"--asyncio-learn.offload.data-directory=target/test-data/files",
				"--asyncio-learn.offload.create-samples=false", "--logging.level.dev.asynciolearn.requests=warn");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@AfterContainer
	static void stopApp() {
		app.close();
	}

	@Property(tries = 400)
	void delayMsIsAcceptedInRangeOrRefusedNamingIt(@ForAll("values") String value) {
		check("delayMs", value, 0, 10_000, "/api/collections/wait-for?timeoutMs=1&delayMs={v}");
	}

	@Property(tries = 400)
	void timeoutMsIsAcceptedInRangeOrRefusedNamingIt(@ForAll("values") String value) {
		check("timeoutMs", value, 1, 60_000, "/api/collections/wait-for?delayMs=0&timeoutMs={v}");
	}

	private static void check(String parameter, String value, long min, long max, String template) {
		// The value is encoded strictly as a URI variable, whatever characters it holds.
		WebTestClient.ResponseSpec response = client.get().uri(template, value).exchange();
		if (accepted(value, min, max)) {
			response.expectStatus().isOk().expectBody();
		}
		else {
			response.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.parameter")
				.isEqualTo(parameter);
		}
	}

	/**
	 * Empty means the default; otherwise ASCII decimal digits, as the description's
	 * {@code integer} means (no {@code 0x10}, {@code +7} or digits of other scripts),
	 * then the range.
	 */
	private static boolean accepted(String value, long min, long max) {
		if (value.isEmpty()) {
			return true;
		}
		if (!value.matches("-?[0-9]{1,18}")) {
			return false;
		}
		long number = Long.parseLong(value);
		return number >= min && number <= max;
	}

	@Provide
	Arbitrary<String> values() {
		return Arbitraries.oneOf(Arbitraries.longs().between(-20, 20).map(String::valueOf),
				Arbitraries.longs().between(9_990, 10_010).map(String::valueOf),
				Arbitraries.longs().between(59_990, 60_010).map(String::valueOf),
				Arbitraries.longs().map(String::valueOf), Arbitraries.of("", " ", "1.5", "1e3", "0x10", "-0", "+7",
						"NaN", "99999999999999999999", "١٢", "１０", "5 "),
				Arbitraries.strings().ofMaxLength(12));
	}

	@Property(tries = 50)
	void theRangesInTheProblemsAreTheDocumentedOnes(@ForAll("outOfRange") long value) {
		client.get()
			.uri("/api/collections/wait-for?timeoutMs=1&delayMs=" + value)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("between 0 and 10000"));
	}

	@Provide
	Arbitrary<Long> outOfRange() {
		return Arbitraries.oneOf(Arbitraries.longs().lessOrEqual(-1), Arbitraries.longs().greaterOrEqual(10_001));
	}

}
