package dev.asynciolearn.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value of any kind (a number, a string, a list, an object) that is small: its
 * text is at most {@link #max()} characters, so that no client can store a large value in
 * the app's memory.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValueSize.Check.class)
public @interface ValueSize {

	/**
	 * The longest text the value may have.
	 * @return the number of characters
	 */
	int max();

	/**
	 * The rule in words.
	 * @return the message
	 */
	String message() default "{dev.asynciolearn.system.ValueSize.message}";

	/**
	 * Validation groups.
	 * @return none by default
	 */
	Class<?>[] groups() default {};

	/**
	 * Payload.
	 * @return none by default
	 */
	Class<? extends Payload>[] payload() default {};

	/**
	 * Measures the value's text.
	 */
	class Check implements ConstraintValidator<ValueSize, Object> {

		private int max;

		@Override
		public void initialize(ValueSize constraint) {
			this.max = constraint.max();
		}

		@Override
		public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
			return value == null || String.valueOf(value).length() <= this.max;
		}

	}

}
