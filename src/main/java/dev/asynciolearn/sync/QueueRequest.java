package dev.asynciolearn.sync;

import dev.asynciolearn.system.CrossParameterCheck;
import dev.asynciolearn.system.InvalidParameter;
import dev.asynciolearn.system.RunLimit;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/sync/queue}.
 *
 * @param kind the queue's order
 * @param maxsize {@code maxsize}
 * @param producers producers taking turns over the items
 * @param consumers consumers taking items until all are taken
 * @param items how many items, 1 to items in a fixed shuffled order
 * @param consumeMs how long a consumer works on each item
 * @param consumersStartAfterMs when the consumers start
 */
record QueueRequest(
		@Parameter(description = "Queue, LifoQueue or PriorityQueue") @Schema(
				defaultValue = "FIFO") AsyncQueue.Kind kind,
		@Parameter(description = "maxsize: put waits beyond it") @Schema(defaultValue = "3") @Range(min = 1,
				max = 1000) int maxsize,
		@Parameter(description = "producers taking turns over the items") @Schema(defaultValue = "1") @Range(min = 1,
				max = 50) int producers,
		@Parameter(description = "consumers taking items until all are taken") @Schema(defaultValue = "1") @Range(
				min = 1, max = 50) int consumers,
		@Parameter(description = "how many items; " + RUN + " at most " + RunLimit.MAX_MS + " ms") @Schema(
				defaultValue = "4") @Range(min = 1, max = 10_000) int items,
		@Parameter(description = "how long a consumer works on each item") @Schema(defaultValue = "10") @Range(
				max = 1000) long consumeMs,
		@Parameter(description = "when the consumers start, so that the queue fills first") @Schema(
				defaultValue = "100") @Range(max = 5000) long consumersStartAfterMs)
		implements
			CrossParameterCheck {

	static final String RUN = "consumersStartAfterMs + ceil(items / consumers) x consumeMs";

	@Override
	public @Nullable InvalidParameter crossCheck() {
		return RunLimit.check("items", RUN,
				this.consumersStartAfterMs + RunLimit.rounds(this.items, this.consumers) * this.consumeMs);
	}

}
