/**
 * Python's asyncio, one idea at a time, as Project Reactor endpoints.
 */
@NullMarked
package dev.asynciolearn;

import org.jspecify.annotations.NullMarked;
