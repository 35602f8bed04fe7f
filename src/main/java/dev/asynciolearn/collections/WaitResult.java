package dev.asynciolearn.collections;

import java.util.List;

import dev.asynciolearn.tasks.TaskView;
import org.jspecify.annotations.Nullable;

/**
 * {@code done, pending = await asyncio.wait(...)}, and what Reactor's own operators did
 * to the same jobs.
 *
 * @param returnWhen the condition
 * @param timeoutMs the timeout, if any
 * @param done the tasks finished when wait returned
 * @param pending the tasks still running then; they run on ({@code GET /api/tasks/{id}})
 * @param plainMonosWithReactorOperators how each plain {@code Mono} raced with
 * {@code firstWithSignal} or {@code timeout} ended: the losers cancelled
 */
record WaitResult(ReturnWhen returnWhen, @Nullable Long timeoutMs, List<TaskView> done, List<TaskView> pending,
		List<MonoEnding> plainMonosWithReactorOperators) {

	/**
	 * How one plain {@code Mono} ended.
	 *
	 * @param job its row on the timeline
	 * @param ending its value, its exception, {@code cancelled} or {@code pending}
	 */
	record MonoEnding(String job, Object ending) {
	}

}
