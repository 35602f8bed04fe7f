package dev.asynciolearn.collections;

/**
 * How {@code wait_for} ended.
 *
 * @param outcome {@code done}, or {@code TimeoutError}
 * @param innerCancelled whether the awaited work was cancelled
 */
record WaitForResult(String outcome, boolean innerCancelled) {
}
