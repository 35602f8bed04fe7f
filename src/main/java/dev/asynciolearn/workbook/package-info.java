/**
 * The workbook's shared part: what an exercise not yet written raises. The exercises
 * themselves live in {@code workbook/}, built only with {@code -Pworkbook}.
 */
@NullMarked
package dev.asynciolearn.workbook;

import org.jspecify.annotations.NullMarked;
