package dev.asynciolearn.offload;

import java.time.Duration;

import dev.asynciolearn.timeline.Report;
import dev.asynciolearn.workbook.Attempt;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code to_thread} chapter as the learner wrote it ({@code -Pworkbook}): the
 * learner's {@code toThread} around the same blocking read as the demo beside it, so the
 * drawing shows which thread read (an event loop, if the read was not offloaded).
 */
@RestController
@RequestMapping("/api/workbook/offload")
@Tag(name = "workbook", description = "the workbook's exercises as you wrote them (with -Pworkbook)")
class WorkbookOffloadController {

	private final dev.asynciolearn.workbook.offload.ToThread exercise = new dev.asynciolearn.workbook.offload.ToThread();

	private final SlowStorage storage;

	private final ToThread toThread;

	private final Duration defaultLatency;

	WorkbookOffloadController(SlowStorage storage, ToThread toThread, OffloadProperties properties) {
		this.storage = storage;
		this.toThread = toThread;
		this.defaultLatency = properties.defaultLatency();
	}

	@Operation(summary = "Your ToThread around the blocking read of GET /api/offload/file; if it does not "
			+ "offload, the read blocks an event loop, as GET /api/offload/file-blocking does on purpose")
	@GetMapping("/file")
	Mono<Report<Attempt<FileDigest>>> file(@ParameterObject FileRequest request) {
		Duration latency = (request.latencyMs() != null) ? Duration.ofMillis(request.latencyMs()) : this.defaultLatency;
		return Attempt.run(Attempt.yours(OffloadService.FILE, "ToThread#toThread"),
				(timeline) -> this.exercise.toThread(
						() -> this.toThread.run(timeline, "read", () -> this.storage.readAndHash(request.name(), latency))));
	}

}
