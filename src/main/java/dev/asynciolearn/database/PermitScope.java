package dev.asynciolearn.database;

/**
 * Where the semaphore demo's permits are counted.
 */
enum PermitScope {

	/**
	 * In this process, as {@code asyncio.Semaphore} is: two replicas each allow
	 * {@code permits}, and PostgreSQL sees the sum.
	 */
	PROCESS,

	/**
	 * In PostgreSQL, as advisory locks ({@link AdvisoryLockSemaphore}): every replica
	 * shares the same {@code permits}.
	 */
	DATABASE

}
