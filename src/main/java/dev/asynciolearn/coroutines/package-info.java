/**
 * Chapter 1: await, coroutines never awaited, and how many waits one thread carries.
 */
@NullMarked
package dev.asynciolearn.coroutines;

import org.jspecify.annotations.NullMarked;
