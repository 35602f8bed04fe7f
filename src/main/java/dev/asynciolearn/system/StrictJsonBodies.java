package dev.asynciolearn.system;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * A request body means what the API description says, no more: a whole number is a JSON
 * number without a fraction ({@code "10"}, {@code 1.5} and {@code 1e2} are refused), and
 * a string is a JSON string ({@code false} or {@code 12} are refused, not stored as
 * {@code "false"}). Jackson would otherwise coerce each of them. Only the reading of
 * request bodies changes; the app's {@link JsonMapper} is otherwise Boot's.
 */
@Component
class StrictJsonBodies implements WebFluxConfigurer {

	private final JsonMapper strict;

	StrictJsonBodies(JsonMapper mapper) {
		this.strict = mapper.rebuild()
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.build();
	}

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(this.strict));
	}

}
