package dev.asynciolearn.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The API description at {@code /v3/api-docs} is the contract: every answer a test's
 * {@code WebTestClient} gets from {@code /api/**} is held to it (its status is documented
 * for the operation, its body matches the documented schema, a stream's status and type
 * too), and a request the description refuses must not succeed. A breach fails the test
 * in which it happened (a JUnit extension registered for every test class), even inside
 * an Awaitility loop that would retry past an exception.
 */
public final class ApiContract implements AfterEachCallback {

	private static final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

	private static final List<String> breaches = new CopyOnWriteArrayList<>();

	private static final List<MediaType> STREAMS = List.of(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_NDJSON);

	/**
	 * The filter that holds each exchange to the description of the server it goes to.
	 * @return the filter
	 */
	public static ExchangeFilterFunction filter() {
		return (request, next) -> {
			if (!request.url().getPath().startsWith("/api/")) {
				return next.exchange(request);
			}
			// Fetched and parsed on the calling test thread, once per server.
			OpenApiInteractionValidator validator = validatorFor(request.url());
			return next.exchange(request).flatMap((response) -> check(validator, request, response));
		};
	}

	/**
	 * The breaches since the last call, and forgets them.
	 * @return each breach, described
	 */
	public static List<String> drain() {
		List<String> found = new ArrayList<>(breaches);
		breaches.removeAll(found);
		return found;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> found = drain();
		if (!found.isEmpty()) {
			throw new AssertionError(
					"The server answered outside its API description (/v3/api-docs):\n" + String.join("\n", found));
		}
	}

	private static Mono<ClientResponse> check(OpenApiInteractionValidator validator, ClientRequest request,
			ClientResponse response) {
		MediaType type = response.headers().contentType().orElse(null);
		boolean stream = type != null && STREAMS.stream().anyMatch(type::isCompatibleWith);
		if (stream) {
			return Mono.just(response)
				.publishOn(Schedulers.boundedElastic())
				.doOnNext((ok) -> record(validator, request, response, null));
		}
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.publishOn(Schedulers.boundedElastic())
			.map((body) -> {
				record(validator, request, response, body);
				return response.mutate().body(body).build();
			});
	}

	private static void record(OpenApiInteractionValidator validator, ClientRequest request, ClientResponse response,
			String body) {
		String exchange = request.method() + " " + request.url().getRawPath()
				+ ((request.url().getRawQuery() != null) ? "?" + request.url().getRawQuery() : "") + " -> "
				+ response.statusCode().value();
		Request.Method method = Request.Method.valueOf(request.method().name());
		ValidationReport requestReport = validator.validateRequest(request(request));
		if (has(requestReport, "validation.request.path.missing")
				|| has(requestReport, "validation.request.operation.notAllowed")) {
			if (response.statusCode().value() != 404 && response.statusCode().value() != 405) {
				breaches.add(exchange + ": no such operation in the description, yet not a 404 or 405");
			}
			return;
		}
		List<String> refused = errors(requestReport);
		if (!refused.isEmpty() && response.statusCode().is2xxSuccessful()) {
			breaches.add(exchange + ": the description refuses this request " + refused + ", the server took it");
		}
		SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode().value());
		response.headers().asHttpHeaders().forEach((name, values) -> answer.withHeader(name, values));
		if (body != null) {
			answer.withBody(body);
		}
		List<String> wrong = errors(validator.validateResponse(request.url().getRawPath(), method, answer.build()))
			.stream()
			// A stream's items are read by the test itself, not here.
			.filter((error) -> body != null || !error.startsWith("validation.response.body.missing"))
			.toList();
		if (!wrong.isEmpty()) {
			breaches.add(exchange + ": " + wrong + ((body != null && !body.isEmpty())
					? " in " + body.substring(0, Math.min(body.length(), 300)) : ""));
		}
	}

	private static SimpleRequest request(ClientRequest request) {
		SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method().name(), request.url().getRawPath());
		UriComponentsBuilder.fromUri(request.url()).build(true).getQueryParams().forEach((name, values) -> {
			List<String> given = values.stream()
				.map((value) -> (value != null) ? decode(value) : "")
				.filter((value) -> !value.isEmpty())
				.toList();
			// Empty is the same as left out (the description's allowEmptyValue), which
			// the validator reads as missing.
			if (!given.isEmpty()) {
				builder.withQueryParam(name, given);
			}
		});
		return builder.build();
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static boolean has(ValidationReport report, String key) {
		return report.getMessages().stream().anyMatch((message) -> message.getKey().equals(key));
	}

	/**
	 * The errors that matter here: the request's body, Content-Type and Accept are not
	 * known to the filter (a body inserter), so those checks are left to the response.
	 */
	private static List<String> errors(ValidationReport report) {
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.filter((message) -> !message.getKey().startsWith("validation.request.body")
					&& !message.getKey().startsWith("validation.request.contentType")
					&& !message.getKey().startsWith("validation.request.accept"))
			.map((message) -> message.getKey() + " " + message.getMessage())
			.toList();
	}

	private static OpenApiInteractionValidator validatorFor(URI url) {
		String server = url.getScheme() + "://" + url.getAuthority();
		return validators.computeIfAbsent(server, ApiContract::load);
	}

	private static OpenApiInteractionValidator load(String server) {
		try {
			HttpResponse<String> description = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(server + "/v3/api-docs")).build(),
						HttpResponse.BodyHandlers.ofString());
			return OpenApiInteractionValidator.createForInlineApiSpecification(description.body()).build();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the API description of " + server, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Gives the auto-configured {@code WebTestClient} the contract's filter.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		WebTestClientBuilderCustomizer apiContract() {
			return (builder) -> builder.filter(filter());
		}

	}

}
