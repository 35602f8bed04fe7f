package dev.asynciolearn.tasks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /api/tasks/{id}} shows of a task, named as asyncio names it.
 *
 * @param id the task's id
 * @param name {@code task.get_name()}
 * @param replica the replica whose memory holds the task (its {@code X-Replica}): only it
 * knows the task, as only its event loop knows an asyncio task
 * @param virtualThread the virtual thread the task runs on, if it is blocking code on one
 * (a {@code POST /api/vthreads/tasks} task); none for a subscribed {@code Mono}, which
 * holds no thread while it waits
 * @param state where it is in its life
 * @param done {@code task.done()}
 * @param cancelled {@code task.cancelled()}
 * @param result {@code task.result()}, once done
 * @param exception {@code task.exception()}, once failed ({@code CancelledError} once
 * cancelled)
 * @param doneCallbacks what its done callbacks logged, in call order
 * @param createdAt when it was created (and started)
 * @param finishedAt when it finished, if it has
 */
public record TaskView(long id, String name, String replica, @Nullable String virtualThread, DemoTask.State state,
		boolean done, boolean cancelled, @Nullable Object result, @Nullable String exception,
		List<String> doneCallbacks, Instant createdAt, @Nullable Instant finishedAt) {
}
