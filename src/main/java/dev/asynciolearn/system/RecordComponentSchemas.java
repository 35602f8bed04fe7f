package dev.asynciolearn.system;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a record component can hold, said in the API description as the Java type says it:
 * a component marked {@link Nullable} is answered as {@code null} when it has no value (a
 * task's {@code result} while it runs), so its schema is {@code "nullable": true}; an
 * {@link Object} component holds any JSON value, so its schema has no type (springdoc
 * would say {@code object}, which refuses {@code "done"}).
 */
@Component
class RecordComponentSchemas implements ModelConverter {

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		JavaType javaType = Json.mapper().constructType(type.getType());
		Class<?> raw = javaType.getRawClass();
		if (resolved == null || !raw.isRecord()) {
			return resolved;
		}
		Schema model = resolved;
		if (resolved.get$ref() != null) {
			String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
			model = context.getDefinedModels().get(name);
		}
		if (model == null || model.getProperties() == null) {
			return resolved;
		}
		Map<String, Schema> properties = model.getProperties();
		for (RecordComponent component : raw.getRecordComponents()) {
			Schema property = properties.get(component.getName());
			if (property == null) {
				continue;
			}
			if (component.getType() == Object.class) {
				property = new Schema().description(property.getDescription()).example(property.getExample());
			}
			if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				property = nullable(property);
			}
			properties.put(component.getName(), property);
		}
		return resolved;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema nullable(Schema property) {
		if (property.get$ref() != null) {
			// OpenAPI 3.0 ignores anything beside a $ref.
			return new Schema().allOf(List.of(new Schema().$ref(property.get$ref()))).nullable(true);
		}
		return property.nullable(true);
	}

}
