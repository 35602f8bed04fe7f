/**
 * Chapter 2: tasks taking turns, and asyncio.Task itself (create, look, cancel,
 * callbacks, list).
 */
@NullMarked
package dev.asynciolearn.tasks;

import org.jspecify.annotations.NullMarked;
