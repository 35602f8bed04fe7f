package dev.asynciolearn.system;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The one way an endpoint reads its query: defaults from {@code @Schema}, rules from the
 * constraints, the rules across parameters last, and every refusal a {@code 400} that
 * names the parameter.
 */
class RequestRecordResolverTests {

	private final RequestRecordResolver resolver = new RequestRecordResolver(new DefaultFormattingConversionService(),
			Validation.buildDefaultValidatorFactory().getValidator());

	@Test
	void takesEachParameterFromTheQueryAndTheDefaultWhenItIsMissingOrEmpty() {
		assertThat(resolve("count=7&mode=true&name=x")).isEqualTo(new Sample(7, true, "x", null));
		assertThat(resolve("name=x")).isEqualTo(new Sample(3, false, "x", null));
		assertThat(resolve("count=&mode=&name=x&limit=")).isEqualTo(new Sample(3, false, "x", null));
		assertThat(resolve("name=x&limit=12")).isEqualTo(new Sample(3, false, "x", 12L));
	}

	@Test
	void aValueOutOfRangeNamesTheParameterTheRangeAndWhatItGot() {
		expectProblem("count=0&name=x", "count", "Parameter 'count' must be between 1 and 10; got '0'.");
		expectProblem("name=x&limit=100", "limit", "Parameter 'limit' must be between 0 and 99; got '100'.");
	}

	@Test
	void aValueOfTheWrongTypeSaysWhatTheParameterTakes() {
		expectProblem("count=many&name=x", "count",
				"Parameter 'count' must be an integer between 1 and 10; got 'many'.");
		expectProblem("mode=maybe&name=x", "mode", "Parameter 'mode' must be true or false; got 'maybe'.");
		expectProblem("count=1.5&name=x", "count", "must be an integer between 1 and 10");
	}

	@Test
	void aRequiredParameterIsRequiredAndAPatternSaysItsRuleInWords() {
		expectProblem("", "name", "Parameter 'name' is required; got 'null'.");
		expectProblem("name=a/b", "name", "Parameter 'name' must be letters; got 'a/b'.");
	}

	@Test
	void theRuleAcrossParametersRunsOnceEachIsValidOnItsOwn() {
		expectProblem("count=5&name=x&limit=4", "limit", "limit must not be below count");
		expectProblem("count=50&name=x&limit=4", "count", "between 1 and 10");
	}

	@Test
	void everyBadParameterIsListedInTheOrderTheyAreDeclared() {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> resolve("name=a/b&limit=100&count=0"))
			.satisfies((problem) -> assertThat(problem.getBody().getProperties()).extractingByKey("errors")
				.asInstanceOf(InstanceOfAssertFactories.LIST)
				.extracting("parameter")
				.containsExactly("count", "name", "limit"));
	}

	@Test
	void aPrimitiveParameterWithoutADefaultIsAMistakeCaughtWhenTheRecordIsFirstRead() {
		assertThatIllegalStateException().isThrownBy(() -> this.resolver.prepare(NoDefault.class))
			.withMessageContaining("NoDefault.count is primitive");
	}

	private Object resolve(String query) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(
				UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams());
		return this.resolver.resolve(Sample.class, parameters);
	}

	private void expectProblem(String query, String parameter, String detail) {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> resolve(query)).satisfies((problem) -> {
			assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(problem.getBody().getProperties()).containsEntry("parameter", parameter);
			assertThat(problem.getBody().getDetail()).contains(detail);
		});
	}

	record Sample(@Schema(defaultValue = "3") @Range(min = 1, max = 10) int count,
			@Schema(defaultValue = "false") boolean mode,
			@NotNull @Pattern(regexp = "[a-z]+", message = "must be letters") String name,
			@Range(max = 99) @Nullable Long limit) implements CrossParameterCheck {

		@Override
		public @Nullable InvalidParameter crossCheck() {
			return (this.limit != null && this.limit < this.count)
					? new InvalidParameter("limit", "Parameter 'limit': limit must not be below count.") : null;
		}

	}

	record NoDefault(int count) {
	}

}
