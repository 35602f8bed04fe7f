/**
 * The report every demo answers, and the timeline of what ran when, on which thread.
 */
@NullMarked
package dev.asynciolearn.timeline;

import org.jspecify.annotations.NullMarked;
