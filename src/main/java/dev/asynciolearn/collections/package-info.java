/**
 * Chapter 3: collections of tasks, gather, wait, wait_for and as_completed.
 */
@NullMarked
package dev.asynciolearn.collections;

import org.jspecify.annotations.NullMarked;
