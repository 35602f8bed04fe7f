/**
 * The database chapter: an Event-gated table, a Semaphore in front of the connections,
 * async with around one.
 */
@NullMarked
package dev.asynciolearn.database;

import org.jspecify.annotations.NullMarked;
