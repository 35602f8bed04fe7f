package dev.asynciolearn.system;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import dev.asynciolearn.timeline.Event;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.api.AbstractOpenApiResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ReflectionUtils;

/**
 * The API description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final Set<String> STREAMS = Set.of("application/x-ndjson", "text/event-stream");

	/**
	 * Builds the API description on the main thread at start-up, before the server takes
	 * requests: built on a first request, springdoc would scan the class path on an event
	 * loop. With {@code springdoc.allowed-locales} set, every request is served from this
	 * one build.
	 */
	@Bean
	SmartInitializingSingleton openApiWarmUp(ObjectProvider<AbstractOpenApiResource> resources) {
		Method build = ReflectionUtils.findMethod(AbstractOpenApiResource.class, "getOpenApi", Locale.class);
		return () -> resources.orderedStream().forEach((resource) -> {
			ReflectionUtils.makeAccessible(build);
			ReflectionUtils.invokeMethod(build, resource, Locale.ENGLISH);
		});
	}

	/**
	 * The problems an endpoint may answer, each with its {@code application/problem+json}
	 * body: those every endpoint shares (a bad parameter or body, a body too large or not
	 * JSON, an unexpected failure) are added here; those of one endpoint (a missing task,
	 * a full budget, an unreachable database) are stated on its controller method with
	 * {@code @ApiResponse}. A {@code 429} or {@code 503} says in {@code Retry-After} when
	 * to try again. Every answer names its replica in {@code X-Replica}
	 * ({@link ReplicaHeaderFilter}).
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (api) -> {
			Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details; 'parameter' names the input")
				.addProperty("type", new StringSchema())
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema())
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema())
				.addProperty("parameter", new StringSchema())
				.addProperty("errors",
						new ArraySchema().items(new ObjectSchema().addProperty("parameter", new StringSchema())
							.addProperty("detail", new StringSchema())));
			api.getComponents().addSchemas("Problem", problem);
			Header replica = new Header()
				.description("the replica that answered; tasks live in its memory, so ask it again about them")
				.schema(new StringSchema());
			api.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				ApiResponses responses = operation.getResponses();
				boolean body = operation.getRequestBody() != null;
				if (body || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
					responses.putIfAbsent("400",
							new ApiResponse().description(
									"A parameter or the body is missing, malformed or out of its range (named in "
											+ "'parameter')"));
				}
				if (body) {
					responses.putIfAbsent("413",
							new ApiResponse().description("The body is larger than the server reads"));
					responses.putIfAbsent("415", new ApiResponse().description("The body is not application/json"));
				}
				responses.putIfAbsent("406", new ApiResponse()
					.description("The Accept header asks for a type this endpoint does not answer"));
				responses.putIfAbsent("500", new ApiResponse().description("Unexpected failure"));
				responses.forEach((status, response) -> {
					response.addHeaderObject(ReplicaHeaderFilter.HEADER, replica);
					if (status.startsWith("4") || status.startsWith("5")) {
						response.setContent(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
					}
					if (status.equals("429") || status.equals("503")) {
						response.addHeaderObject("Retry-After", new Header().description("seconds to wait")
							.schema(new IntegerSchema().minimum(BigDecimal.ONE)));
					}
				});
			}));
		};
	}

	/**
	 * A query parameter with a default may be left out or left empty ({@code ?limit=}):
	 * either means the default, as {@link RequestRecordResolver} reads it (springdoc
	 * would call a primitive one required). So may any other optional one; a required one
	 * left empty is a {@code 400}.
	 */
	@Bean
	OpenApiCustomizer emptyMeansDefault() {
		return (api) -> api.getPaths()
			.values()
			.forEach((path) -> path.readOperations()
				.stream()
				.filter((operation) -> operation.getParameters() != null)
				.flatMap((operation) -> operation.getParameters().stream())
				.filter((parameter) -> "query".equals(parameter.getIn()))
				.forEach((parameter) -> {
					if (parameter.getSchema() != null && parameter.getSchema().getDefault() != null) {
						parameter.setRequired(false);
					}
					if (!Boolean.TRUE.equals(parameter.getRequired())) {
						parameter.setAllowEmptyValue(true);
					}
				}));
	}

	/**
	 * A stream is described item by item: an NDJSON line or a Server-Sent Event's data is
	 * one item, where springdoc would describe the whole stream as one array.
	 */
	@Bean
	OpenApiCustomizer streamItems() {
		return (api) -> api.getPaths()
			.values()
			.forEach((path) -> path.readOperations()
				.forEach((operation) -> operation.getResponses().values().forEach((response) -> {
					if (response.getContent() == null) {
						return;
					}
					response.getContent().forEach((type, media) -> {
						if (STREAMS.contains(type) && media.getSchema() != null
								&& media.getSchema().getItems() != null) {
							media.setSchema(media.getSchema().getItems());
							media.addExtension("x-stream-item", true);
						}
					});
				})));
	}

	/**
	 * The timeline's vocabulary ({@link Event}) in the description of
	 * {@code TimelineEvent.event}: its values, and in {@code x-waiting} those after which
	 * a task holds no thread. The explorer draws from this list.
	 */
	@Bean
	OpenApiCustomizer timelineVocabulary() {
		return (api) -> {
			Schema<?> timelineEvent = api.getComponents().getSchemas().get("TimelineEvent");
			if (timelineEvent == null || timelineEvent.getProperties() == null) {
				return;
			}
			StringSchema event = new StringSchema();
			event.description("What happened; after the events in x-waiting the task holds no thread");
			Arrays.stream(Event.values()).map(Event::label).forEach(event::addEnumItem);
			event.addExtension("x-waiting",
					Arrays.stream(Event.values()).filter(Event::waits).map(Event::label).toList());
			timelineEvent.getProperties().put("event", event);
		};
	}

	@Bean
	OpenAPI asyncioLearnOpenApi() {
		return new OpenAPI().info(new Info().title("asyncio-learn")
			.version("0.1")
			.description("Python's asyncio, one idea at a time, as Project Reactor endpoints. Every demo answers a "
					+ "report: the result, the elapsed time and a timeline of what ran when, on which thread. Bad "
					+ "input answers 400 application/problem+json naming the parameter and its allowed range. Every "
					+ "answer names the replica that gave it in X-Replica: tasks live in that replica's memory.")
			.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
	}

}
