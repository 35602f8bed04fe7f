package dev.asynciolearn.system;

import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Request records for every endpoint's query ({@link RequestRecordResolver}), and the
 * validator of requests.
 * <p>
 * That validator leaves constraint messages as they are written: problems describe the
 * constraint in words from its annotation ({@link ParameterRules}), and interpolating
 * {@code {min}} would make Hibernate Validator read its resource bundle from a jar at the
 * first bad request, on an event loop.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer, DisposableBean {

	private final ValidatorFactory validators = Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new AsWritten())
		.buildValidatorFactory();

	private final RequestRecordResolver requestRecords = new RequestRecordResolver(
			new DefaultFormattingConversionService(), this.validators.getValidator());

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		configurer.addCustomResolver(this.requestRecords);
	}

	@Override
	public org.springframework.validation.Validator getValidator() {
		return new SpringValidatorAdapter(this.validators.getValidator());
	}

	/**
	 * Reads every request record's shape and constraints at start-up, on the main thread.
	 */
	@Bean
	SmartInitializingSingleton requestRecordsWarmUp(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return () -> mappings.orderedStream()
			.flatMap((mapping) -> mapping.getHandlerMethods().values().stream())
			.flatMap((method) -> Arrays.stream(method.getMethodParameters()))
			.filter((parameter) -> parameter.hasParameterAnnotation(ParameterObject.class))
			.map(MethodParameter::getParameterType)
			.distinct()
			.forEach(this.requestRecords::prepare);
	}

	@Override
	public void destroy() {
		this.validators.close();
	}

	private static final class AsWritten implements MessageInterpolator {

		@Override
		public String interpolate(String messageTemplate, Context context) {
			return messageTemplate;
		}

		@Override
		public String interpolate(String messageTemplate, Context context, Locale locale) {
			return messageTemplate;
		}

	}

}
