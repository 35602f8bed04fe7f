/**
 * The to_thread chapter: pure I/O, a blocking read offloaded, the anti-pattern, a long
 * job beside a ticker.
 */
@NullMarked
package dev.asynciolearn.offload;

import org.jspecify.annotations.NullMarked;
