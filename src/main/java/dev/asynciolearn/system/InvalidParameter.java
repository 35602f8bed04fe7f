package dev.asynciolearn.system;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a request.
 *
 * @param parameter the parameter at fault (or the body field)
 * @param detail a sentence that names it, says what it allows and what it got
 */
public record InvalidParameter(String parameter, String detail) {

	/**
	 * {@code Parameter 'count' must be between 1 and 50; got '0'.}
	 * @param parameter the parameter at fault
	 * @param rule what it allows
	 * @param got the value it got (abbreviated when long)
	 * @return the sentence, about that parameter
	 */
	public static InvalidParameter of(String parameter, String rule, @Nullable Object got) {
		return new InvalidParameter(parameter, sentence("Parameter", parameter, rule, got));
	}

	/**
	 * {@code Field 'payload' must not be blank; got ''.}, for a field of a request body.
	 * @param field the field at fault
	 * @param rule what it allows
	 * @param got the value it got (abbreviated when long)
	 * @return the sentence, about that field
	 */
	public static InvalidParameter field(String field, String rule, @Nullable Object got) {
		return new InvalidParameter(field, sentence("Field", field, rule, got));
	}

	private static String sentence(String kind, String name, String rule, @Nullable Object got) {
		String text = String.valueOf(got);
		String shown = (text.length() <= 60) ? text : text.substring(0, 57) + "...";
		return kind + " '" + name + "' " + rule + "; got '" + shown + "'.";
	}

}
