package dev.asynciolearn.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one way an endpoint takes its query parameters: a record per endpoint, annotated
 * {@code @ParameterObject}, whose components state each parameter's rules where the
 * OpenAPI description reads them: its range ({@code @Range}), its default
 * ({@code @Schema(defaultValue)}), its meaning ({@code @Parameter(description)}).
 * <p>
 * Each component comes from the query parameter of its name, or from its default when the
 * request leaves it out or empty. Then the record is checked: each parameter against its
 * constraints, then, once all are valid, the rules across them
 * ({@link CrossParameterCheck}). Whatever is wrong answers {@code 400} naming the
 * parameter, what it allows and what it got.
 */
final class RequestRecordResolver implements HandlerMethodArgumentResolver {

	private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, long.class, short.class, byte.class,
			Integer.class, Long.class, Short.class, Byte.class);

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

	private final ConversionService conversions;

	private final Validator validator;

	private final Map<Class<?>, RequestRecord> records = new ConcurrentHashMap<>();

	RequestRecordResolver(ConversionService conversions, Validator validator) {
		this.conversions = conversions;
		this.validator = validator;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord();
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> resolve(parameter.getParameterType(), exchange.getRequest().getQueryParams()));
	}

	/**
	 * Read a record's shape and its constraints now, on the calling thread, rather than
	 * on an event loop at its first request.
	 * @param type a request record
	 */
	void prepare(Class<?> type) {
		this.records.computeIfAbsent(type, RequestRecord::of);
		this.validator.getConstraintsForClass(type);
	}

	/**
	 * A whole number is written in ASCII decimal digits, as the OpenAPI description's
	 * {@code integer} means: Spring's conversion alone would also take {@code 0x10},
	 * {@code +5} and digits of other scripts.
	 */
	private static boolean plainIfWhole(String text, Class<?> type) {
		return !WHOLE_NUMBERS.contains(type) || DECIMAL.matcher(text).matches();
	}

	Object resolve(Class<?> type, MultiValueMap<String, String> query) {
		RequestRecord shape = this.records.computeIfAbsent(type, RequestRecord::of);
		List<InvalidParameter> errors = new ArrayList<>();
		Object[] arguments = new Object[shape.parameters().size()];
		for (int i = 0; i < arguments.length; i++) {
			RequestRecord.RequestParameter parameter = shape.parameters().get(i);
			String text = query.getFirst(parameter.name());
			if (text == null || (text.isEmpty() && parameter.defaultValue() != null)) {
				text = parameter.defaultValue();
			}
			try {
				arguments[i] = (text != null && plainIfWhole(text, parameter.type()))
						? this.conversions.convert(text, parameter.type()) : null;
			}
			catch (ConversionException ex) {
				arguments[i] = null;
			}
			if (text != null && arguments[i] == null && (!text.isEmpty() || parameter.type().isPrimitive())) {
				errors.add(InvalidParameter.of(parameter.name(),
						ParameterRules.describe(parameter.field(), parameter.type()), text));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest(errors);
		}
		Object request = shape.create(arguments);
		for (ConstraintViolation<Object> violation : this.validator.validate(request)) {
			errors.add(InvalidParameter.of(violation.getPropertyPath().toString(), ParameterRules.describe(violation),
					violation.getInvalidValue()));
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt((error) -> shape.indexOf(error.parameter())));
			throw ApiProblem.badRequest(errors);
		}
		if (request instanceof CrossParameterCheck check) {
			InvalidParameter broken = check.crossCheck();
			if (broken != null) {
				throw ApiProblem.badRequest(List.of(broken));
			}
		}
		return request;
	}

}
