package dev.asynciolearn.workbook.tasks;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The reference solution of the {@code create_task} exercise (the statement is in
 * {@code workbook/exercises}).
 */
public class CreateTask {

	/**
	 * {@code asyncio.create_task(work)}: a Mono runs only when subscribed, so subscribing
	 * now is what starts it; the {@code Disposable} that {@code subscribe} returns is the
	 * subscription itself, and disposing it sends the cancel signal up to the work.
	 * @param work the work, not yet started (a coroutine object)
	 * @return the handle of the running work, whose {@code dispose()} is
	 * {@code task.cancel()}
	 */
	public Disposable createTask(Mono<?> work) {
		return work.subscribe(null, (error) -> {
			// a task's exception is kept by the task, not raised to its creator
		});
	}

}
