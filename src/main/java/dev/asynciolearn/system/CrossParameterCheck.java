package dev.asynciolearn.system;

import org.jspecify.annotations.Nullable;

/**
 * A request record whose parameters are also bounded together (the index of a failing job
 * below the number of jobs, a run that must fit in a minute). The check runs once every
 * parameter is valid on its own; the rule should also be in the description of the
 * parameter it names, so that the OpenAPI description states it.
 */
public interface CrossParameterCheck {

	/**
	 * The rule across parameters that this request breaks, if any.
	 * @return the parameter to blame and why, or {@code null} when the request is fine
	 */
	@Nullable InvalidParameter crossCheck();

}
