/**
 * Chapter 4: async iterators, async generators and async context managers.
 */
@NullMarked
package dev.asynciolearn.streams;

import org.jspecify.annotations.NullMarked;
