package dev.asynciolearn.database;

import dev.asynciolearn.database.ConnectionDemoService.ConnectionResult;
import dev.asynciolearn.database.RecordService.Records;
import dev.asynciolearn.database.SemaphoreDemoService.SemaphoreDemoResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

	private static final String DATABASE_UNAVAILABLE = "PostgreSQL cannot be reached, the table is not there in time, "
			+ "or no connection permit came free in time (Retry-After says when to retry)";

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
	@ApiResponse(responseCode = "201", description = "The record, as stored")
	@ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)
	@PostMapping("/records")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Report<DemoRecord>> create(@Valid @RequestBody NewRecord record) {
		return this.records.create(record);
	}

	@Operation(summary = "The newest records; waits for the gate while the table does not exist yet")
	@ApiResponse(responseCode = "200", description = "The records, newest first")
	@ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)
	@GetMapping("/records")
	Mono<Report<Records>> list(@ParameterObject RecordsQuery query) {
		return this.records.list(query);
	}

	@Operation(summary = "asyncio.Semaphore: callers workers share permits; each runs SELECT pg_sleep(queryMs)")
	@ApiResponse(responseCode = "200", description = "The report of the run")
	@ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)
	@PostMapping("/semaphore")
	Mono<Report<SemaphoreDemoResult>> semaphore(@ParameterObject SemaphoreDemoRequest request) {
		return this.semaphore.run(request);
	}

	@Operation(summary = "async with: open a connection, use it, always close it (also after failInside=true)")
	@ApiResponse(responseCode = "200", description = "The report of the connection's life")
	@ApiResponse(responseCode = "503", description = DATABASE_UNAVAILABLE)
	@GetMapping("/connection")
	Mono<Report<ConnectionResult>> connection(@ParameterObject ConnectionRequest request) {
		return this.connection.connection(request);
	}

}
