package dev.asynciolearn.workbook;

/**
 * What an exercise of the workbook raises until the learner writes it.
 */
public final class NotDoneYet extends UnsupportedOperationException {

	/**
	 * The error of an exercise not yet written.
	 * @param exercise its name, as its class is named, e.g. {@code "Gather"}
	 */
	public NotDoneYet(String exercise) {
		super("not done yet: " + exercise + " (write it in workbook/exercises, then grade it with ./mvnw -Pworkbook "
				+ "test -Dtest=" + exercise + "Exercise)");
	}

}
