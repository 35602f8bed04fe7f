package dev.asynciolearn.workbook.tasks;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Exercise: {@code create_task}.
 *
 * <pre>
 * task = asyncio.create_task(work())   # starts now; nobody needs to await it
 * ...
 * task.cancel()                        # or let it run to its end
 * </pre>
 *
 * Must hold: the work starts as soon as the task is created, without anyone subscribing
 * to anything else; it runs to its end on its own, once; disposing the handle returned
 * cancels the work.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=CreateTaskExercise}. Compare:
 * {@code TaskRegistry#start} and {@code POST /api/tasks}.
 */
public class CreateTask {

	/**
	 * {@code asyncio.create_task(work)}.
	 * @param work the work, not yet started (a coroutine object)
	 * @return the handle of the running work, whose {@code dispose()} is
	 * {@code task.cancel()}
	 */
	public Disposable createTask(Mono<?> work) {
		throw new NotDoneYet("CreateTask");
	}

}
