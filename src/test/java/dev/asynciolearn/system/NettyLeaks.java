package dev.asynciolearn.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A Netty buffer that was never released is reported by Netty's leak detector (at the
 * {@code paranoid} level the build sets, every buffer is tracked) once the garbage
 * collector finds it. Before any test runs (a {@link LauncherSessionListener}), every
 * detector Netty makes gets a listener; as a JUnit extension (registered for every test
 * class through {@code junit-platform.properties}) this fails the test, or the test
 * class, during which a leak was reported. A report may come a little after the leak
 * itself: it carries the buffer's recent accesses.
 */
public final class NettyLeaks implements LauncherSessionListener, AfterEachCallback, AfterAllCallback {

	private static final List<String> reports = new CopyOnWriteArrayList<>();

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {

			@Override
			@SuppressWarnings("deprecation")
			public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
					long maxActive) {
				return listened(new ResourceLeakDetector<>(resource, samplingInterval, maxActive));
			}

			@Override
			public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
				return listened(new ResourceLeakDetector<>(resource, samplingInterval));
			}

		});
	}

	private static <T> ResourceLeakDetector<T> listened(ResourceLeakDetector<T> detector) {
		detector.setLeakListener((type, records) -> reports.add("LEAK: " + type + records));
		return detector;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		failIfAnyLeaked();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		collectGarbage();
		failIfAnyLeaked();
	}

	/**
	 * Netty finds a leak when the garbage collector has collected a buffer that was never
	 * released, and reports it the next time it tracks a buffer: collect, then track one,
	 * so that a test class's leaks are reported while it is still the one running.
	 */
	private static void collectGarbage() {
		System.gc();
		try {
			// The collected buffers are queued for Netty by another thread.
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		ByteBufAllocator.DEFAULT.buffer(1).release();
	}

	/**
	 * Collects the garbage, then returns the leak reports since the last call.
	 * @return Netty's reports
	 */
	static List<String> collectAndDrain() {
		// A buffer may still be referenced by a connection that is closing.
		for (int round = 0; round < 3; round++) {
			collectGarbage();
		}
		return drain();
	}

	/**
	 * The leak reports since the last call, and forgets them.
	 * @return Netty's reports
	 */
	static List<String> drain() {
		List<String> leaked = new ArrayList<>(reports);
		reports.removeAll(leaked);
		return leaked;
	}

	private static void failIfAnyLeaked() {
		List<String> leaked = drain();
		if (!leaked.isEmpty()) {
			throw new AssertionError(
					"Netty reported " + leaked.size() + " leaked buffer(s), each with the places it was last used. "
							+ "(A WebTestClient exchange whose body no expectation reads never releases it, "
							+ "spring-framework#36050: end it with expectBody().)\n" + String.join("\n\n", leaked));
		}
	}

}
