package dev.asynciolearn.workbook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hint that a grading test shows when it fails: on the exercise's grading class (for
 * every test) or on one test.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Hint.List.class)
@ExtendWith(Hints.class)
public @interface Hint {

	/**
	 * The hint.
	 * @return one sentence that points the way without giving the answer
	 */
	String value();

	/**
	 * Several hints.
	 */
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@ExtendWith(Hints.class)
	@interface List {

		Hint[] value();

	}

}
