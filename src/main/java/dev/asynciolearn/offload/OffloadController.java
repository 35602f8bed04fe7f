package dev.asynciolearn.offload;

import java.util.List;

import dev.asynciolearn.offload.LongTaskService.Finished;
import dev.asynciolearn.offload.LongTaskService.LongTaskSignal;
import dev.asynciolearn.offload.OffloadService.IoResult;
import dev.asynciolearn.offload.OffloadService.MixedResult;
import dev.asynciolearn.timeline.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code to_thread} chapter ({@code example_to_thread.py},
 * {@code example_to_thread_2.py}) over HTTP.
 */
@RestController
@RequestMapping("/api/offload")
@Tag(name = "to_thread", description = "asyncio.to_thread: pure I/O, a blocking read offloaded, the mix, a long job")
class OffloadController {

	private final OffloadService service;

	private final LongTaskService longTask;

	OffloadController(OffloadService service, LongTaskService longTask) {
		this.service = service;
		this.longTask = longTask;
	}

	@Operation(summary = "Pure I/O: await asyncio.sleep(delay) as Mono.delay(delay); no thread blocks")
	@GetMapping("/io")
	Mono<Report<IoResult>> io(@ParameterObject IoRequest request) {
		return this.service.io(request);
	}

	@Operation(summary = "The files in the data folder the read demos can use")
	@GetMapping("/files")
	Mono<List<DataFolder.DataFile>> files() {
		return this.service.files();
	}

	@Operation(summary = "await asyncio.to_thread(read_file, name): the blocking read on boundedElastic")
	@ApiResponse(responseCode = "200", description = "The report of the read")
	@ApiResponse(responseCode = "404", description = "No file of this name in the data folder")
	@GetMapping("/file")
	Mono<Report<FileDigest>> file(@ParameterObject FileRequest request) {
		return this.service.file(request);
	}

	/**
	 * The anti-pattern, kept to be measured and caught: the blocking read runs on the
	 * event-loop thread.
	 */
	@Operation(summary = "ANTI-PATTERN: the same blocking read on the event-loop thread")
	@ApiResponse(responseCode = "200", description = "The report of the read")
	@ApiResponse(responseCode = "404", description = "No such file in the data folder, found before any blocking")
	@ApiResponse(responseCode = "429",
			description = "Another anti-pattern call is running: one at a time (Retry-After says when to retry)")
	@GetMapping("/file-blocking")
	Mono<Report<FileDigest>> fileBlocking(@ParameterObject BlockingFileRequest request) {
		return this.service.fileBlocking(request);
	}

	@Operation(summary = "I/O, the offloaded read, I/O again: the hop to boundedElastic and back")
	@ApiResponse(responseCode = "200", description = "The report of the three steps")
	@ApiResponse(responseCode = "404", description = "No file of this name in the data folder")
	@GetMapping("/mixed")
	Mono<Report<MixedResult>> mixed(@ParameterObject MixedRequest request) {
		return this.service.mixed(request);
	}

	@Operation(summary = "A long blocking job on boundedElastic while a timer keeps ticking (Server-Sent Events)")
	@GetMapping(path = "/long-task", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> longTask(@ParameterObject LongTaskRequest request) {
		return this.longTask.longTask(request).map(OffloadController::event);
	}

	static ServerSentEvent<Object> event(LongTaskSignal signal) {
		if (signal instanceof Finished finished) {
			return ServerSentEvent.builder((Object) finished.report()).event("result").build();
		}
		return ServerSentEvent.builder((Object) signal).event("tick").build();
	}

}
