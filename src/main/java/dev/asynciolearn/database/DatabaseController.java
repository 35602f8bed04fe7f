package dev.asynciolearn.database;

import java.time.Duration;

import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.hibernate.validator.constraints.Range;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The database chapter over HTTP: {@code asyncio.Event} as a start-up gate,
 * {@code asyncio.Semaphore} in front of the connections, {@code async with} around one
 * connection.
 */
@RestController
@RequestMapping("/api/db")
@Tag(name = "database", description = "Event-gated table, semaphore-limited connections, async with")
class DatabaseController {

	static final int MAX_CALLERS = 1000;

	static final int MAX_PERMITS = 50;

	static final long MAX_QUERY_MS = 5_000;

	static final int MAX_LIMIT = 1000;

	private static final String CALLERS_RULE = "must be between 1 and " + MAX_CALLERS;

	private static final String PERMITS_RULE = "must be between 1 and " + MAX_PERMITS;

	private static final String QUERY_RULE = "must be between 0 and " + MAX_QUERY_MS;

	private static final String LIMIT_RULE = "must be between 1 and " + MAX_LIMIT;

	private final TableGate gate;

	private final RecordService records;

	private final SemaphoreDemoService semaphore;

	private final ConnectionDemoService connection;

	DatabaseController(TableGate gate, RecordService records, SemaphoreDemoService semaphore,
			ConnectionDemoService connection) {
		this.gate = gate;
		this.records = records;
		this.semaphore = semaphore;
		this.connection = connection;
	}

	@Operation(summary = "The table gate (asyncio.Event): open or not, since when, how many waiters it released")
	@GetMapping("/gate")
	TableGate.GateState gate() {
		return this.gate.state();
	}

	@Operation(summary = "Write a record; waits for the gate while the table does not exist yet")
	@PostMapping("/records")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Report> create(@Valid @RequestBody NewRecord record) {
		return this.records.create(record.payload());
	}

	@Operation(summary = "The newest records; waits for the gate while the table does not exist yet")
	@GetMapping("/records")
	Mono<Report> list(
			@RequestParam(defaultValue = "20") @Range(min = 1, max = MAX_LIMIT, message = LIMIT_RULE) int limit) {
		return this.records.list(limit);
	}

	@Operation(summary = "asyncio.Semaphore: callers workers share permits; each runs SELECT pg_sleep(queryMs)")
	@PostMapping("/semaphore")
	Mono<Report> semaphore(
			@RequestParam(defaultValue = "100") @Range(min = 1, max = MAX_CALLERS, message = CALLERS_RULE) int callers,
			@RequestParam(defaultValue = "10") @Range(min = 1, max = MAX_PERMITS, message = PERMITS_RULE) int permits,
			@RequestParam(defaultValue = "100") @Range(max = MAX_QUERY_MS, message = QUERY_RULE) long queryMs) {
		return this.semaphore.run(callers, permits, Duration.ofMillis(queryMs));
	}

	@Operation(summary = "async with: open a connection, use it, always close it (also after failInside=true)")
	@GetMapping("/connection")
	Mono<Report> connection(@RequestParam(defaultValue = "false") boolean failInside) {
		return this.connection.connection(failInside);
	}

}
