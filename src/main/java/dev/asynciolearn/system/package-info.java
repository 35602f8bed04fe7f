/**
 * The web around the demos: request parameters, problem details, correlation ids,
 * OpenAPI, observability.
 */
@NullMarked
package dev.asynciolearn.system;

import org.jspecify.annotations.NullMarked;
