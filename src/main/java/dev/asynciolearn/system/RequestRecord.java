package dev.asynciolearn.system;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The shape of a request record, read once: its parameters in order, each with its type,
 * its annotations and the default its {@code @Schema} states.
 *
 * @param constructor the canonical constructor
 * @param parameters the components, in declaration order
 */
record RequestRecord(Constructor<?> constructor, List<RequestParameter> parameters) {

	static RequestRecord of(Class<?> type) {
		List<RequestParameter> parameters = new ArrayList<>();
		List<Class<?>> types = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			Field field = field(type, component.getName());
			Schema schema = field.getAnnotation(Schema.class);
			String defaultValue = (schema != null && StringUtils.hasLength(schema.defaultValue()))
					? schema.defaultValue() : null;
			if (component.getType().isPrimitive() && defaultValue == null) {
				throw new IllegalStateException(type.getSimpleName() + "." + component.getName()
						+ " is primitive, so it needs a @Schema(defaultValue) for requests that leave it out");
			}
			parameters.add(new RequestParameter(component.getName(), component.getType(), field, defaultValue));
			types.add(component.getType());
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(types.toArray(Class<?>[]::new));
			constructor.setAccessible(true);
			return new RequestRecord(constructor, List.copyOf(parameters));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("A record always has its canonical constructor", ex);
		}
	}

	Object create(Object[] arguments) {
		try {
			return this.constructor.newInstance(arguments);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not create " + this.constructor.getDeclaringClass(), ex);
		}
	}

	int indexOf(String name) {
		for (int i = 0; i < this.parameters.size(); i++) {
			if (this.parameters.get(i).name().equals(name)) {
				return i;
			}
		}
		return this.parameters.size();
	}

	private static Field field(Class<?> type, String name) {
		try {
			return type.getDeclaredField(name);
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException("A record has a field per component", ex);
		}
	}

	/**
	 * One query parameter.
	 *
	 * @param name its name, the component's
	 * @param type its type
	 * @param field the component's field, which carries its annotations
	 * @param defaultValue the value when the request leaves it out, or {@code null}
	 */
	record RequestParameter(String name, Class<?> type, Field field, @Nullable String defaultValue) {
	}

}
