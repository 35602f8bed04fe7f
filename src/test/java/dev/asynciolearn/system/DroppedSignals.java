package dev.asynciolearn.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.asynciolearn.pitfalls.LostError;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Hooks;

/**
 * A signal that Reactor drops is a lost one: an error no subscriber sees, a value that
 * arrives after its subscriber has gone. This extension (registered for every test class
 * through {@code junit-platform.properties}) records every dropped error and value with
 * the code that dropped it, and fails the test during which it happened.
 */
public final class DroppedSignals implements BeforeAllCallback, AfterEachCallback {

	private static final AtomicBoolean installed = new AtomicBoolean();

	private static final List<String> dropped = new CopyOnWriteArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		if (installed.compareAndSet(false, true)) {
			Hooks.onErrorDropped((error) -> {
				// The pitfall lab about vanishing errors drops its own on purpose, and
				// reports it.
				if (Causes.find(error, LostError.class) == null) {
					dropped.add("error " + error + droppedBy());
				}
			});
			Hooks.onNextDropped((value) -> dropped.add("value " + value + droppedBy()));
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> lost = drain();
		if (!lost.isEmpty()) {
			throw new AssertionError(
					"Reactor dropped " + lost.size() + " signal(s) during this test:\n" + String.join("\n", lost));
		}
	}

	/**
	 * The signals dropped since the last call, and forgets them.
	 * @return what was dropped, with the code that dropped it
	 */
	public static List<String> drain() {
		List<String> lost = new ArrayList<>(dropped);
		dropped.removeAll(lost);
		return lost;
	}

	/** The first frames outside Reactor's hooks: the operator that dropped the signal. */
	private static String droppedBy() {
		return Arrays.stream(new Throwable().getStackTrace())
			.dropWhile((frame) -> !frame.getClassName().startsWith("reactor.core.publisher.Operators"))
			.dropWhile((frame) -> frame.getClassName().startsWith("reactor.core.publisher.Operators"))
			.limit(4)
			.map((frame) -> "\n    at " + frame)
			.collect(Collectors.joining());
	}

}
