// Streamed answers: NDJSON read as it arrives, Server-Sent Events (ticks, then a final report), and the items turned
// into timeline events so that each is drawn as a mark at the time it arrived.

/**
 * Reads an NDJSON body line by line, calling onItem with every item received so far after each one.
 * @returns {Promise<number>} how many items the stream had
 */
export async function readNdjson(response, onItem) {
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	const items = [];
	let buffered = "";
	for (;;) {
		const { value, done } = await reader.read();
		if (done) break;
		buffered += decoder.decode(value, { stream: true });
		const lines = buffered.split("\n");
		buffered = lines.pop();
		for (const line of lines.filter((l) => l.trim())) {
			items.push(JSON.parse(line));
			onItem(items);
		}
	}
	return items.length;
}

/**
 * Opens a Server-Sent Events stream of "tick" events ending with one "result" event, which carries a report.
 * @param handlers onTick(ticksSoFar), onResult(report, tickCount), onError()
 * @returns {EventSource} the source, for the caller to close when it stops the run
 */
export function openEventSource(url, { onTick, onResult, onError }) {
	const ticks = [];
	const source = new EventSource(url);
	source.addEventListener("tick", (event) => {
		ticks.push(JSON.parse(event.data));
		onTick(ticks);
	});
	source.addEventListener("result", (event) => {
		source.close();
		onResult(JSON.parse(event.data), ticks.length);
	});
	source.onerror = () => {
		source.close();
		onError();
	};
	return source;
}

/**
 * Streamed items as timeline events, each a mark on its row: as_completed's results on their job's row (its
 * TimeoutError on a row of its own), ticks on the ticker's row, an iterator's or generator's values on one row.
 */
export function streamEvents(items) {
	return items.map((item) => {
		const task = item.job !== undefined ? "job-" + item.job
			: (item.type === "TimeoutError" ? "TimeoutError" : (item.n !== undefined ? "ticker" : "stream"));
		const event = { atMs: item.atMs ?? 0, task, event: item.type, thread: item.thread || "" };
		if (!item.type) {
			event.event = item.n !== undefined ? "tick" : "value";
			event.detail = String(item.n ?? item.value);
		}
		return event;
	});
}
