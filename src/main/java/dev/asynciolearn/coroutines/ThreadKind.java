package dev.asynciolearn.coroutines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.jspecify.annotations.Nullable;

/**
 * The two kinds of thread the scale experiment starts one of per wait. The project builds
 * for Java 17, so virtual threads (Java 21+) are reached through
 * {@code Thread.startVirtualThread} looked up at run time.
 */
enum ThreadKind {

	/** {@code new Thread(task).start()}: an OS thread with its own stack. */
	PLATFORM("platform-threads"),

	/** {@code Thread.startVirtualThread(task)}: parked on a few carrier threads. */
	VIRTUAL("virtual-threads");

	private static final @Nullable MethodHandle START_VIRTUAL = startVirtual();

	private final String task;

	ThreadKind(String task) {
		this.task = task;
	}

	/** The experiment's row on the timeline. */
	String task() {
		return this.task;
	}

	/** Whether this JVM can start this kind of thread. */
	boolean available() {
		return this == PLATFORM || START_VIRTUAL != null;
	}

	void start(Runnable task) {
		if (this == PLATFORM) {
			Thread thread = new Thread(task, "scale-platform");
			thread.setDaemon(true);
			thread.start();
			return;
		}
		if (START_VIRTUAL == null) {
			throw new IllegalStateException("Virtual threads need Java 21+");
		}
		try {
			START_VIRTUAL.invoke(task);
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Could not start a virtual thread", ex);
		}
	}

	private static @Nullable MethodHandle startVirtual() {
		try {
			return MethodHandles.publicLookup()
				.findStatic(Thread.class, "startVirtualThread", MethodType.methodType(Thread.class, Runnable.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

}
