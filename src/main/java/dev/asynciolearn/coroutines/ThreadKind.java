package dev.asynciolearn.coroutines;

/**
 * The two kinds of thread the scale experiment starts one of per wait.
 */
enum ThreadKind {

	/** {@code new Thread(task).start()}: an OS thread with its own stack. */
	PLATFORM("platform-threads"),

	/** {@code Thread.ofVirtual().start(task)}: parked on a few carrier threads. */
	VIRTUAL("virtual-threads");

	private final String task;

	ThreadKind(String task) {
		this.task = task;
	}

	/** The experiment's row on the timeline. */
	String task() {
		return this.task;
	}

	void start(Runnable task) {
		if (this == PLATFORM) {
			Thread thread = new Thread(task, "scale-platform");
			thread.setDaemon(true);
			thread.start();
			return;
		}
		Thread.ofVirtual().name("scale-virtual").start(task);
	}

}
