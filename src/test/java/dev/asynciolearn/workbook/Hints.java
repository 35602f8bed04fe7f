package dev.asynciolearn.workbook;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Shows a failing grading test's hints under its failure: the test's own first, then the
 * exercise's.
 */
final class Hints implements TestExecutionExceptionHandler {

	/** What starts each hint in a failure's message. */
	static final String PREFIX = "Hint: ";

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		List<Hint> hints = new ArrayList<>();
		context.getTestMethod()
			.ifPresent((method) -> hints.addAll(AnnotationSupport.findRepeatableAnnotations(method, Hint.class)));
		context.getTestClass()
			.ifPresent((type) -> hints.addAll(AnnotationSupport.findRepeatableAnnotations(type, Hint.class)));
		if (hints.isEmpty()) {
			throw failure;
		}
		StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage())).append('\n');
		hints.forEach((hint) -> message.append('\n').append(PREFIX).append(hint.value()));
		AssertionError withHints = new AssertionError(message.toString(), failure);
		withHints.setStackTrace(failure.getStackTrace());
		throw withHints;
	}

}
