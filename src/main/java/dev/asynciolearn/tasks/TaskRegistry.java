package dev.asynciolearn.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.asynciolearn.system.ApiProblem;
import dev.asynciolearn.system.Replica;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@code asyncio.create_task(coro)} and {@code asyncio.all_tasks()} for the web: tasks
 * start the moment they are created and run whether or not anyone awaits them; they can
 * be looked at, cancelled and given done callbacks.
 * <p>
 * The difference that matters: a Reactor pipeline does nothing until subscribed, so
 * "creating a task" means subscribing now and keeping the
 * {@link reactor.core.Disposable}. Bounded: at most {@link TaskProperties#maxPending()}
 * of each budget run at once (429 past it), finished tasks are forgotten after a while,
 * and every pending task is cancelled when the application stops. As asyncio's tasks live
 * in one event loop, these live in one process: each names its {@link Replica}, and
 * another replica answers 404 for it, saying so.
 */
@Component
public class TaskRegistry implements DisposableBean {

	private static final Log logger = LogFactory.getLog(TaskRegistry.class);

	private final TaskProperties properties;

	private final String replica;

	private final ConcurrentSkipListMap<Long, DemoTask> tasks = new ConcurrentSkipListMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final AtomicInteger pending = new AtomicInteger();

	private volatile boolean closed;

	private final Map<String, AtomicInteger> pendingByBudget = new ConcurrentHashMap<>();

	public TaskRegistry(TaskProperties properties, Replica replica) {
		this.properties = properties;
		this.replica = replica.name();
	}

	/**
	 * {@code asyncio.create_task(work, name=name)}: subscribe to the work now.
	 * @param budget whose tasks these are (an endpoint): each budget has its own
	 * {@link TaskProperties#maxPending()}, so that one endpoint's tasks never lock out
	 * another's
	 * @param name the task's name
	 * @param work what the task does; its value becomes the task's result, its error the
	 * task's exception
	 * @return the running task
	 * @throws ApiProblem a 429 with {@code Retry-After} if as many tasks of this budget
	 * as allowed are pending already
	 */
	public DemoTask start(String budget, String name, Mono<?> work) {
		return launch(budget, name, (task) -> task.run(work));
	}

	/**
	 * {@code asyncio.create_task(work, name=name)} as blocking code: the work starts now
	 * on a new virtual thread named {@code name}, as a {@code Future}; cancelling the
	 * task interrupts that thread.
	 * @param budget whose tasks these are, as for {@link #start(String, String, Mono)}
	 * @param name the task's name, and its thread's
	 * @param work what the task does; its value becomes the task's result, its exception
	 * the task's
	 * @param whenDone called with the task once it has ended, however it did
	 * @return the running task
	 * @throws ApiProblem a 429 with {@code Retry-After} if as many tasks of this budget
	 * as allowed are pending already
	 */
	public DemoTask startOnVirtualThread(String budget, String name, Callable<?> work, Consumer<DemoTask> whenDone) {
		return launch(budget, name, (task) -> task.runOnVirtualThread(work, whenDone));
	}

	/**
	 * {@link #startOnVirtualThread(String, String, Callable, Consumer)} for a task nobody
	 * waits on but through the registry.
	 * @param budget whose tasks these are
	 * @param name the task's name, and its thread's
	 * @param work what the task does
	 * @return the running task
	 */
	public DemoTask startOnVirtualThread(String budget, String name, Callable<?> work) {
		return startOnVirtualThread(budget, name, work, (task) -> {
		});
	}

	/**
	 * A new task, started by {@code starting} and kept once started: a task that failed
	 * to start gives its place back at once.
	 */
	private DemoTask launch(String budget, String name, Consumer<DemoTask> starting) {
		DemoTask task = create(budget, name);
		try {
			starting.accept(task);
		}
		catch (RuntimeException | Error ex) {
			task.failedToStart(ex);
			throw ex;
		}
		return keep(task);
	}

	private DemoTask create(String budget, String name) {
		if (this.closed) {
			throw ApiProblem.unavailable("Shutting down", "The application is stopping: it starts no more tasks.",
					Duration.ofSeconds(5));
		}
		forgetOldTasks();
		AtomicInteger pendingOfBudget = this.pendingByBudget.computeIfAbsent(budget, (key) -> new AtomicInteger());
		if (pendingOfBudget.incrementAndGet() > this.properties.maxPending()) {
			pendingOfBudget.decrementAndGet();
			throw ApiProblem.tooManyRequests("Too many pending tasks",
					this.properties.maxPending() + " tasks of " + budget
							+ " are pending already, the most it runs at once; cancel some or wait for them.",
					Duration.ofSeconds(1));
		}
		this.pending.incrementAndGet();
		DemoTask task = new DemoTask(this.ids.incrementAndGet(), name, this.replica, Instant.now(),
				this.properties.maxCallbacks(), () -> {
					pendingOfBudget.decrementAndGet();
					this.pending.decrementAndGet();
				});
		return task;
	}

	/**
	 * Kept once started, so that nobody can cancel a task before it runs; one that comes
	 * as the application stops is cancelled as the others were.
	 */
	private DemoTask keep(DemoTask task) {
		this.tasks.put(task.id(), task);
		if (this.closed) {
			task.cancel();
		}
		return task;
	}

	/**
	 * {@code task.add_done_callback(fn)}, bounded: a task keeps each of its callbacks as
	 * long as it is kept, so no client may add them without end.
	 * @param id the task
	 * @param callback the callback's name
	 * @return the task
	 * @throws ApiProblem a {@code 404} if there is no such task, a {@code 409} if it has
	 * all the callbacks it may have
	 */
	public DemoTask addDoneCallback(long id, String callback) {
		DemoTask task = get(id);
		if (!task.addDoneCallback(callback)) {
			throw ApiProblem.conflict("Too many done callbacks", "Task " + id + " already has the "
					+ this.properties.maxCallbacks() + " done callbacks a task may have.");
		}
		return task;
	}

	/**
	 * The task with that id.
	 * @param id the task's id
	 * @return the task
	 * @throws ApiProblem a 404 if there is none here, naming this replica
	 */
	public DemoTask get(long id) {
		DemoTask task = this.tasks.get(id);
		if (task == null) {
			throw ApiProblem.notFound("Task not found", "id", "Parameter 'id': no task " + id + " on replica "
					+ this.replica + ". Tasks live in the memory of the process that created them, as asyncio's "
					+ "live in their event loop: behind a load balancer, ask the replica named in the task's answer "
					+ "(its X-Replica header and 'replica' field). Finished tasks are forgotten after a while; "
					+ "GET /api/tasks lists this replica's.");
		}
		return task;
	}

	/**
	 * {@code task.cancel()}.
	 * @param id the task's id
	 * @return whether it was pending and is now cancelled
	 */
	public boolean cancel(long id) {
		return get(id).cancel();
	}

	/**
	 * The tasks kept, newest first; with {@link DemoTask.State#PENDING}, exactly
	 * {@code asyncio.all_tasks()}.
	 * @param state only tasks in that state, or all when {@code null}
	 * @return the tasks
	 */
	public List<TaskView> all(DemoTask.@Nullable State state) {
		forgetOldTasks();
		return this.tasks.descendingMap()
			.values()
			.stream()
			.filter((task) -> state == null || task.state() == state)
			.map(DemoTask::view)
			.toList();
	}

	/** Tasks running now. */
	public int pending() {
		return this.pending.get();
	}

	/**
	 * No task outlives the application.
	 */
	@Override
	public void destroy() {
		this.closed = true;
		int cancelled = 0;
		for (DemoTask task : this.tasks.values()) {
			if (task.cancel()) {
				cancelled++;
			}
		}
		if (cancelled > 0) {
			logger.info("Cancelled " + cancelled + " pending task(s) on shutdown");
		}
	}

	private void forgetOldTasks() {
		Instant cutoff = Instant.now().minus(this.properties.keepFinishedFor());
		this.tasks.values().removeIf((task) -> {
			Instant finishedAt = task.finishedAt();
			return finishedAt != null && finishedAt.isBefore(cutoff);
		});
		int excess = this.tasks.size() - this.properties.maxKept();
		if (excess > 0) {
			this.tasks.values()
				.stream()
				.filter(DemoTask::isDone)
				.sorted(Comparator.comparing(DemoTask::finishedAt))
				.limit(excess)
				.forEach((task) -> this.tasks.remove(task.id()));
		}
	}

}
