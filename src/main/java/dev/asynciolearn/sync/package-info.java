/**
 * Chapter 5: Queue, Lock, Semaphore and Event, and the non-blocking primitives behind
 * them.
 */
@NullMarked
package dev.asynciolearn.sync;

import org.jspecify.annotations.NullMarked;
