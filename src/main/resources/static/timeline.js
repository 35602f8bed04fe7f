// The timeline: one SVG row per task, a bar from each event to the task's next one, coloured by the thread family
// that ran it, solid while the task holds a thread and faint (dashed) while it waits; a tick at each event, its
// detail written beside it where there is room; and the legend of the colours shown. The Reactor run and the asyncio
// run are drawn by the same code on the same time axis, and so is the run of the virtual-thread twin, whose events name
// the carrier each virtual thread was on: a virtual thread holds its carrier only while it runs, never while it sleeps
// or waits, so those bars are faint.

const FAMILIES = [
	{ name: "event loop", test: /-http-/, color: "var(--loop)" },
	{ name: "parallel (timers)", test: /^parallel-/, color: "var(--parallel)" },
	{ name: "boundedElastic (blocking work)", test: /^boundedElastic-/, color: "var(--elastic)" },
	{ name: "single", test: /^single-/, color: "var(--single)" },
	{ name: "R2DBC event loop", test: /-tcp-/, color: "var(--tcp)" },
	{ name: "asyncio's loop (MainThread)", test: /^MainThread$/, color: "var(--asyncio)" },
	{ name: "to_thread worker", test: /^asyncio_\d+$/, color: "var(--elastic)" },
	{ name: "other", test: /.*/, color: "var(--other)" },
];

/** Every event on a virtual thread names its carrier; the virtual thread's own name is the demo's choice. */
const VIRTUAL = { name: "virtual thread (on a carrier)", color: "var(--virtual)" };

/** The families whose threads a task holds from one event to its next on the same thread: blocking work. */
const HOLDING = new Set(["event loop", "boundedElastic (blocking work)", "to_thread worker"]);

const MAX_ROWS = 150;

const LABEL = 170;

const RIGHT = 48;

function family(event) {
	return event.carrier ? VIRTUAL : FAMILIES.find((f) => f.test.test(event.thread || ""));
}

/**
 * Whether a task held a thread from this event to its next one. After a waiting event (the server's list) it holds
 * none. Otherwise blocking work starts and ends on the same thread (a boundedElastic or to_thread worker, or an event
 * loop in the anti-pattern); a task that waits resumes elsewhere, or on a timer, database or asyncio loop thread that
 * was free meanwhile.
 */
function holdsThread(event, next, waiting) {
	if (!next || waiting.has(event.event) || event.thread !== next.thread) {
		return false;
	}
	return HOLDING.has(family(event).name) || next.atMs - event.atMs < 1;
}

function svg(name, attributes, text) {
	const element = document.createElementNS("http://www.w3.org/2000/svg", name);
	for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
	if (text !== undefined) element.textContent = text;
	return element;
}

/** The last instant a drawing of these events needs: the elapsed time or the last event, whichever is later. */
export function endOf(events, elapsedMs) {
	return Math.max(elapsedMs || 0, ...events.map((e) => e.atMs), 1);
}

/**
 * Draws the events ({atMs, task, event, detail?, thread}) into the timeline element and the thread families they
 * ran on into the legend element.
 * @param end the time axis' last instant (shared by the drawings compared)
 * @param dropped how many events the server did not record
 * @param waiting the events after which a task holds no thread
 */
export function draw({ timeline, legend }, events, { end, dropped, waiting }) {
	const tasks = [];
	const byTask = new Map();
	for (const event of events) {
		if (!byTask.has(event.task)) {
			byTask.set(event.task, []);
			tasks.push(event.task);
		}
		byTask.get(event.task).push(event);
	}
	const shown = tasks.slice(0, MAX_ROWS);
	const row = 22;
	const width = Math.max(640, timeline.clientWidth - 4);
	const x = (ms) => LABEL + (ms / end) * (width - LABEL - RIGHT);
	const height = shown.length * row + 30;
	const root = svg("svg", { width, height, role: "img",
		"aria-label": "Timeline of " + tasks.length + " tasks over " + Math.round(end) + " ms" });
	const families = new Set();
	shown.forEach((task, index) => {
		const y = index * row + 4;
		const group = svg("g", { class: "row", "data-task": task });
		group.appendChild(svg("text", { x: 4, y: y + 14 }, task.length > 24 ? task.slice(0, 23) + "…" : task));
		const list = byTask.get(task);
		list.forEach((event, i) => {
			const next = list[i + 1];
			const from = x(event.atMs);
			const to = next ? x(next.atMs) : from;
			const fam = family(event);
			families.add(fam);
			const faint = !holdsThread(event, next, waiting);
			const hasDetail = event.detail !== undefined && event.detail !== null;
			const bar = svg("rect", { class: "bar" + (faint ? " waiting" : ""), x: from, y: y + 3,
				width: Math.max(2, to - from), height: row - 8, fill: fam.color, stroke: fam.color,
				"fill-opacity": faint ? 0.3 : 0.9, "data-thread": event.thread, "data-event": event.event,
				...(hasDetail ? { "data-detail": event.detail } : {}), "data-at": event.atMs });
			bar.appendChild(svg("title", {}, task + ": " + event.event + (hasDetail ? " " + event.detail : "")
				+ " at " + event.atMs + " ms on " + event.thread + (event.carrier ? " via " + event.carrier : "")
				+ (faint ? " (waiting)" : "")));
			group.appendChild(bar);
			group.appendChild(svg("line", { class: "tick", x1: from, x2: from, y1: y + 1, y2: y + row - 3,
				stroke: fam.color }));
			const room = (next ? to : width - 4) - from - 4;
			if (hasDetail && String(event.detail).length * 7 <= room) {
				group.appendChild(svg("text", { class: "detail", x: from + 3, y: y + 14 }, String(event.detail)));
			}
		});
		root.appendChild(group);
	});
	root.appendChild(axis(shown.length * row + 8, width, end, x));
	timeline.replaceChildren(root);
	legend.replaceChildren();
	const carriers = new Set(events.filter((e) => e.carrier).map((e) => e.carrier));
	VIRTUAL.name = "virtual threads (" + new Set(events.filter((e) => e.carrier).map((e) => e.thread)).size
		+ " threads on " + carriers.size + " carriers)";
	for (const fam of [VIRTUAL, ...FAMILIES].filter((f) => families.has(f))) {
		const item = document.createElement("span");
		item.style.setProperty("--c", fam.color);
		item.textContent = fam.name;
		legend.appendChild(item);
	}
	const note = document.createElement("span");
	note.className = "hint";
	note.textContent = "solid: a thread is held · faint, dashed: waiting, no thread held"
		+ (tasks.length > MAX_ROWS ? " · " + (tasks.length - MAX_ROWS) + " more tasks not drawn" : "")
		+ (dropped ? " · " + dropped + " events not recorded" : "");
	legend.appendChild(note);
}

function axis(axisY, width, end, x) {
	const group = svg("g", { class: "axis" });
	group.appendChild(svg("line", { x1: LABEL, x2: width - RIGHT, y1: axisY, y2: axisY, stroke: "#6b7780" }));
	const step = niceStep(end / 8);
	for (let ms = 0; ms <= end; ms += step) {
		group.appendChild(svg("line", { x1: x(ms), x2: x(ms), y1: axisY, y2: axisY + 4, stroke: "#6b7780" }));
		group.appendChild(svg("text", { x: x(ms), y: axisY + 16, "text-anchor": "middle" }, Math.round(ms) + " ms"));
	}
	return group;
}

function niceStep(raw) {
	const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 0.001))));
	return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
}
