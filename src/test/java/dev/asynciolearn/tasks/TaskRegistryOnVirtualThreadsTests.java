package dev.asynciolearn.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.asynciolearn.system.Replica;
import dev.asynciolearn.tasks.TaskController.TaskFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code create_task} as the JDK writes it: a {@code Future} on a virtual thread of its
 * own, in the same registry and answering the same questions as a Reactor task; its
 * {@code cancel()} interrupts that thread. In real time: the threads really block.
 */
class TaskRegistryOnVirtualThreadsTests {

	private static final String BUDGET = "POST /somewhere";

	private final TaskRegistry registry = new TaskRegistry(new TaskProperties(3, Duration.ofMinutes(10), 1000, 20),
			new Replica("local"));

	private final BlockingQueue<DemoTask> ended = new LinkedBlockingQueue<>();

	@AfterEach
	void stopTheTasks() {
		this.registry.destroy();
	}

	@Test
	void aTaskStartsAtOnceOnAVirtualThreadNamedAfterItAndNobodyHasToAwaitIt() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		DemoTask task = start("slow", () -> {
			ranOn.set(Thread.currentThread());
			started.countDown();
			Thread.sleep(200);
			return 42;
		});
		assertThat(started.await(2, TimeUnit.SECONDS)).as("create_task schedules at once").isTrue();
		assertThat(task.view()).extracting(TaskView::name, TaskView::virtualThread, TaskView::state)
			.containsExactly("slow", "slow", DemoTask.State.PENDING);
		assertThat(ranOn.get().isVirtual()).isTrue();
		assertThat(ranOn.get().getName()).isEqualTo("slow");
		assertThat(this.ended.poll(2, TimeUnit.SECONDS)).isSameAs(task);
		assertThat(task.view()).extracting(TaskView::state, TaskView::result, TaskView::done)
			.containsExactly(DemoTask.State.DONE, 42, true);
		assertThat(this.registry.pending()).isZero();
	}

	@Test
	void cancelInterruptsTheTasksThreadWhileItBlocksAndIsTrueOnlyWhilePending() throws InterruptedException {
		CountDownLatch sleeping = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		DemoTask task = start("slow", () -> {
			sleeping.countDown();
			try {
				Thread.sleep(30_000);
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
				throw ex;
			}
			return "too late";
		});
		task.addDoneCallback("cb");
		assertThat(sleeping.await(2, TimeUnit.SECONDS)).isTrue();
		assertThat(this.registry.cancel(task.id())).isTrue();
		assertThat(interrupted.await(2, TimeUnit.SECONDS)).as("future.cancel(true) interrupts the sleep").isTrue();
		assertThat(task.view()).extracting(TaskView::state, TaskView::cancelled, TaskView::exception)
			.containsExactly(DemoTask.State.CANCELLED, true, "CancelledError");
		assertThat(task.view().doneCallbacks()).containsExactly("cb(task 'slow'): CANCELLED, exception=CancelledError");
		assertThat(this.ended.poll(2, TimeUnit.SECONDS)).as("the done hook ran for the cancel too").isSameAs(task);
		assertThat(this.registry.cancel(task.id())).as("cancel again").isFalse();
		assertThat(this.registry.pending()).isZero();
	}

	@Test
	void aFailingTaskKeepsItsExceptionAndAFinishedOneCannotBeCancelled() throws InterruptedException {
		DemoTask failing = start("boom", () -> {
			throw new TaskFailure("kaput");
		});
		DemoTask quick = start("quick", () -> "done");
		assertThat(List.of(this.ended.poll(2, TimeUnit.SECONDS), this.ended.poll(2, TimeUnit.SECONDS)))
			.containsExactlyInAnyOrder(failing, quick);
		assertThat(failing.view()).extracting(TaskView::state, TaskView::exception)
			.containsExactly(DemoTask.State.FAILED, "TaskFailure('kaput')");
		assertThat(this.registry.cancel(quick.id())).isFalse();
		assertThat(quick.view()).extracting(TaskView::state, TaskView::result)
			.containsExactly(DemoTask.State.DONE, "done");
	}

	@Test
	void aCancelledVirtualThreadTaskGivesBackItsPlaceInItsBudget() {
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 3; i++) {
				this.registry.cancel(start("t" + i, () -> {
					Thread.sleep(30_000);
					return null;
				}).id());
			}
		}
		assertThat(this.registry.pending()).isZero();
	}

	@Test
	void noVirtualThreadTaskOutlivesTheApplication() {
		AtomicReference<Thread> ranOn = new AtomicReference<>();
		DemoTask task = start("forever", () -> {
			ranOn.set(Thread.currentThread());
			Thread.sleep(30_000);
			return null;
		});
		await().atMost(Duration.ofSeconds(2)).until(() -> ranOn.get() != null);
		this.registry.destroy();
		assertThat(task.state()).isEqualTo(DemoTask.State.CANCELLED);
		await().atMost(Duration.ofSeconds(2)).until(() -> !ranOn.get().isAlive());
	}

	private DemoTask start(String name, Callable<?> work) {
		return this.registry.startOnVirtualThread(BUDGET, name, work, this.ended::add);
	}

}
