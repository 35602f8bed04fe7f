package dev.asynciolearn.workbook.pitfalls;

import java.time.Duration;

import dev.asynciolearn.workbook.NotDoneYet;
import reactor.core.publisher.Mono;

/**
 * Pitfall lab: context across a thread hop ({@code context-hop}).
 *
 * <pre>
 * user = contextvars.ContextVar("user")
 *
 * async def handler(hop):
 *     await asyncio.sleep(hop)
 *     return f"hello {user.get()}"   # still the user of this request: each task copies the context
 *
 * async def with_user(name, request):   # a middleware: sets the user for this request only
 *     user.set(name)
 *     return await request
 * </pre>
 *
 * The habit carried over (BROKEN), a {@code ThreadLocal} (the MDC a log line reads) for
 * the {@code ContextVar}:
 *
 * <pre>
 * withUser: Mono.defer(() -&gt; { MDC.put("user", user); return request; })
 * handler:  Mono.delay(hop).map((tick) -&gt; "hello " + MDC.get("user"))
 * </pre>
 *
 * The symptom: {@code hello null}. The value belongs to the thread that subscribed; the
 * code after {@code Mono.delay} runs on a {@code parallel} thread, which never had it.
 * Write the fix.
 * <p>
 * Must hold: {@code withUser("ada", handler(hop))} answers {@code hello ada}, read after
 * the hop on another thread; two requests at once, {@code ada}'s and {@code bob}'s,
 * served by the same handler, each read their own user.
 * <p>
 * Grade: {@code ./mvnw -Pworkbook test -Dtest=ContextHopLabExercise}. Compare:
 * {@code ContextHopService} and {@code GET /api/pitfalls/context-hop?variant=FIXED}.
 */
public class ContextHopLab {

	/**
	 * {@code handler(hop)}.
	 * @param hop how long it waits, on a timer (the code after it runs on another thread)
	 * @return {@code "hello " + user}, the user of the request it runs in
	 */
	public Mono<String> handler(Duration hop) {
		throw new NotDoneYet("ContextHopLab");
	}

	/**
	 * {@code with_user(name, request)}.
	 * @param <T> what the request answers
	 * @param user the user of this request
	 * @param request the request, e.g. {@code handler(hop)}
	 * @return the request, run with {@code user} as its user
	 */
	public <T> Mono<T> withUser(String user, Mono<T> request) {
		throw new NotDoneYet("ContextHopLab");
	}

}
