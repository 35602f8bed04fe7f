/**
 * Chapter 6: the mistakes people make moving from asyncio to Reactor, each lab broken and
 * fixed side by side.
 */
@NullMarked
package dev.asynciolearn.pitfalls;

import org.jspecify.annotations.NullMarked;
