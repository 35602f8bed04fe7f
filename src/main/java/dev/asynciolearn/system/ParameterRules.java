package dev.asynciolearn.system;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * A parameter's constraints in words, read from the annotations that also feed the
 * OpenAPI description: {@code @Range(min = 1, max = 50)} is "must be between 1 and 50". A
 * constraint with a message of its own (a {@code @Pattern} explained in plain words) says
 * that instead.
 * <p>
 * The web validator does not interpolate messages (see {@link WebConfiguration}), so no
 * resource bundle is ever read on an event loop.
 */
final class ParameterRules {

	private ParameterRules() {
	}

	/**
	 * What a violated constraint allows.
	 * @param violation the violation
	 * @return e.g. {@code "must be between 1 and 50"}
	 */
	static String describe(ConstraintViolation<?> violation) {
		Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
		if (constraint instanceof Min || constraint instanceof Max) {
			String both = bothBounds(violation);
			if (both != null) {
				return both;
			}
		}
		String words = words(constraint);
		String template = violation.getMessageTemplate();
		return (words != null && template.startsWith("{")) ? words : template;
	}

	/**
	 * What a parameter allows, for a value that did not even convert to its type.
	 * @param element the record component's field
	 * @param type the parameter's type
	 * @return e.g. {@code "must be an integer between 1 and 50"}
	 */
	static String describe(AnnotatedElement element, Class<?> type) {
		for (Annotation annotation : element.getAnnotations()) {
			if (annotation instanceof Range range) {
				return "must be an integer between " + range.min() + " and " + range.max();
			}
			if (annotation instanceof Pattern pattern) {
				return pattern.message();
			}
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (type.isEnum()) {
			return "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			return "must be an integer";
		}
		return "must be a value of type " + type.getSimpleName();
	}

	/**
	 * "must be between 0 and 300000" for a field with both {@code @Min} and {@code @Max}
	 * (the standard pair, which OpenAPI tools read in request bodies).
	 */
	private static @Nullable String bothBounds(ConstraintViolation<?> violation) {
		try {
			AnnotatedElement field = violation.getRootBeanClass()
				.getDeclaredField(violation.getPropertyPath().toString());
			Min min = field.getAnnotation(Min.class);
			Max max = field.getAnnotation(Max.class);
			return (min != null && max != null) ? "must be between " + min.value() + " and " + max.value() : null;
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

	private static @Nullable String words(Annotation constraint) {
		if (constraint instanceof Range range) {
			return "must be between " + range.min() + " and " + range.max();
		}
		if (constraint instanceof Min min) {
			return "must be at least " + min.value();
		}
		if (constraint instanceof Max max) {
			return "must be at most " + max.value();
		}
		if (constraint instanceof Size size) {
			return (size.min() > 0) ? "must be " + size.min() + " to " + size.max() + " characters"
					: "must be at most " + size.max() + " characters";
		}
		if (constraint instanceof ValueSize size) {
			return "must be a JSON value of at most " + size.max() + " characters";
		}
		if (constraint instanceof NotBlank) {
			return "must not be blank";
		}
		if (constraint instanceof NotNull) {
			return "is required";
		}
		if (constraint instanceof Pattern pattern) {
			return "must match " + pattern.regexp();
		}
		return null;
	}

}
