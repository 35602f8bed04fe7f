package dev.asynciolearn.system;

import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Names the replica that answered in an {@code X-Replica} header on every response: what
 * is kept in memory (tasks, as asyncio's live in one event loop) belongs to one process,
 * so behind a load balancer the header says which one to ask again. The value is fixed at
 * start-up, so a request costs one header set. It enables {@link Replica} itself so that
 * web slice tests, which load this filter, have it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(Replica.class)
class ReplicaHeaderFilter implements WebFilter {

	static final String HEADER = "X-Replica";

	/** Visible ASCII, single spaces inside: a header value Netty sends as is. */
	private static final Pattern VALID = Pattern.compile("[!-~]+( [!-~]+)*");

	private final String name;

	ReplicaHeaderFilter(Replica replica) {
		Assert.isTrue(VALID.matcher(replica.name()).matches(),
				() -> "asyncio-learn.replica.name must be visible ASCII to go in a header, not '" + replica.name()
						+ "'");
		this.name = replica.name();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().getHeaders().set(HEADER, this.name);
		return chain.filter(exchange);
	}

}
