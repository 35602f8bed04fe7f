package dev.asynciolearn.pitfalls;

import java.time.Duration;

import dev.asynciolearn.timeline.Concept;
import dev.asynciolearn.timeline.Event;
import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.timeline.Timeline;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.stereotype.Service;

/**
 * {@code user.set("ada")} on a {@code contextvars.ContextVar}, then
 * {@code await asyncio.sleep(0.02)}: the value is still there after the wait, because
 * every task runs in a copy of the context it was created in. A {@code ThreadLocal}, such
 * as the MDC a log line reads, belongs to a thread instead: set while the request's
 * synchronous part runs on the event loop, it is not on the {@code parallel} thread that
 * runs the code after {@code Mono.delay}. Reactor's {@link Context} belongs to the
 * subscription, so it crosses every hop: {@code contextWrite} puts the value in, and
 * context-propagation restores it into the MDC inside {@code handle} (and {@code tap}),
 * where the code after the hop reads it as before.
 */
@Service
class ContextHopService {

	static final Concept CONTEXT_HOP = new Concept("Context across a thread hop",
			"user.set('ada')            # a ContextVar\nawait asyncio.sleep(0.02)\nuser.get()                 # 'ada'",
			"BROKEN: MDC.put(\"user\", \"ada\"); Mono.delay(d).map((t) -> MDC.get(\"user\"))  // null\n"
					+ "FIXED:  Mono.delay(d).handle((t, sink) -> sink.next(MDC.get(\"user\")))  // 'ada', restored\n"
					+ "            .contextWrite(Context.of(\"user\", \"ada\"))  // the value travels in the Context");

	static final Duration HOP = Duration.ofMillis(20);

	private static final String USER = "user";

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new UserAccessor());
	}

	Mono<Report<ContextHopResult>> run(LabRequest request) {
		return Timeline.mono(CONTEXT_HOP,
				(timeline) -> (request.variant() == Variant.BROKEN) ? threadLocal(timeline) : reactorContext(timeline));
	}

	/**
	 * The value lives on the thread that runs the synchronous part, as a filter's MDC
	 * value does, and is taken off it when that part ends.
	 */
	private static Mono<ContextHopResult> threadLocal(Timeline timeline) {
		return Mono.defer(() -> {
			MDC.put(USER, "ada");
			try {
				Seen before = seen(timeline, "before", MDC.get(USER));
				return Mono.delay(HOP)
					.map((tick) -> new ContextHopResult(Variant.BROKEN, before,
							seen(timeline, "after", MDC.get(USER))));
			}
			finally {
				MDC.remove(USER);
			}
		});
	}

	/**
	 * The value travels in the Reactor Context; in {@code handle}, context-propagation
	 * puts it back in the MDC for the code inside (and takes it out after), on whichever
	 * thread that runs.
	 */
	private static Mono<ContextHopResult> reactorContext(Timeline timeline) {
		return Mono.deferContextual((context) -> {
			Seen before = seen(timeline, "before", context.getOrDefault(USER, null));
			return Mono.delay(HOP)
				.<ContextHopResult>handle((tick, sink) -> sink
					.next(new ContextHopResult(Variant.FIXED, before, seen(timeline, "after", MDC.get(USER)))));
		}).contextWrite(Context.of(USER, "ada"));
	}

	/**
	 * The MDC entry {@code user}, under the same key in the Reactor Context.
	 */
	static final class UserAccessor implements ThreadLocalAccessor<String> {

		@Override
		public Object key() {
			return USER;
		}

		@Override
		public @Nullable String getValue() {
			return MDC.get(USER);
		}

		@Override
		public void setValue(String value) {
			MDC.put(USER, value);
		}

		@Override
		public void setValue() {
			MDC.remove(USER);
		}

	}

	private static Seen seen(Timeline timeline, String when, @Nullable String user) {
		timeline.event(when, Event.READ, "user=" + user);
		return new Seen(user, Thread.currentThread().getName());
	}

	/**
	 * The value before and after the hop.
	 *
	 * @param variant the side that ran
	 * @param beforeHop what the code saw before {@code Mono.delay}
	 * @param afterHop what the code saw after it, on another thread
	 */
	record ContextHopResult(Variant variant, Seen beforeHop, Seen afterHop) {

		/**
		 * @return whether the value survived the hop, as a {@code ContextVar} does
		 */
		public boolean survived() {
			return "ada".equals(this.afterHop.user());
		}

	}

	/**
	 * @param user the value seen, {@code null} for none
	 * @param thread the thread that looked
	 */
	record Seen(@Nullable String user, String thread) {
	}

}
