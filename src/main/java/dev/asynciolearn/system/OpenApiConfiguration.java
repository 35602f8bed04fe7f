package dev.asynciolearn.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI asyncioLearnOpenApi() {
		return new OpenAPI().info(new Info().title("asyncio-learn")
			.version("0.1")
			.description("Python's asyncio, one idea at a time, as Project Reactor endpoints. Every demo answers a "
					+ "report: the result, the elapsed time and a timeline of what ran when, on which thread. Bad "
					+ "input answers 400 application/problem+json naming the parameter and its allowed range.")
			.license(new License().name("Apache-2.0")));
	}

}
