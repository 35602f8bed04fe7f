/**
 * The PostgreSQL the app starts by itself when no database is configured.
 */
@NullMarked
package dev.asynciolearn.postgres;

import org.jspecify.annotations.NullMarked;
