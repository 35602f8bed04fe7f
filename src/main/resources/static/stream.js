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
 * Streamed items as timeline events, each a mark on its row, named as asyncio's run names them: as_completed's results
 * as their job's "done" (its TimeoutError on the as_completed row), ticks on the ticker's row, an iterator's or
 * generator's values as what "async for" got.
 */
export function streamEvents(items) {
	return items.map((item) => {
		const event = { atMs: item.atMs ?? 0, thread: item.thread || "" };
		if (item.job !== undefined) return { ...event, task: "job-" + item.job, event: "done", detail: String(item.job) };
		if (item.type === "TimeoutError") return { ...event, task: "as_completed", event: item.type };
		if (item.n !== undefined) return { ...event, task: "ticker", event: "tick", detail: String(item.n) };
		return { ...event, task: "async for", event: "got", detail: String(item.value) };
	});
}
