package dev.asynciolearn.timeline;

import java.util.List;

/**
 * Reports for controller slices, whose services are mocks.
 */
public final class TestReports {

	private TestReports() {
	}

	/**
	 * A report that says which call produced it.
	 * @param concept the call, e.g. {@code "gather(3, 300, 1, true)"}
	 * @return a report with that concept and nothing else of note
	 */
	public static Report named(String concept) {
		return new Report(concept, "asyncio", "reactor", 1.0, "result", List.of(), 0);
	}

}
