package dev.asynciolearn.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest endpoint: its latency under load shows whether the event loop is free.
 */
@RestController
@Tag(name = "system")
class PingController {

	@Operation(summary = "pong: the cheapest endpoint, to measure event-loop responsiveness")
	@GetMapping(path = "/api/ping", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> ping() {
		return Mono.just("pong");
	}

}
