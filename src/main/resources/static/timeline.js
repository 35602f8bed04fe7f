// The timeline: one SVG row per task, a bar from each event to the task's next one, coloured by the thread family
// that ran it, solid while the task holds a thread and faint while it waits; and the legend of the colours shown.

const FAMILIES = [
	{ name: "event loop", test: /-http-/, color: "var(--loop)" },
	{ name: "parallel (timers)", test: /^parallel-/, color: "var(--parallel)" },
	{ name: "boundedElastic (blocking work)", test: /^boundedElastic-/, color: "var(--elastic)" },
	{ name: "single", test: /^single-/, color: "var(--single)" },
	{ name: "R2DBC event loop", test: /-tcp-/, color: "var(--tcp)" },
	{ name: "other", test: /.*/, color: "var(--other)" },
];

const MAX_ROWS = 150;

function family(thread) {
	return FAMILIES.find((f) => f.test.test(thread || ""));
}

/**
 * Whether a task held a thread from this event to its next one. After a waiting event (the server's list) it holds
 * none. Otherwise blocking work starts and ends on the same thread (a boundedElastic worker, or an event loop in the
 * anti-pattern); a task that waits resumes elsewhere, or on a timer or database thread that was free meanwhile.
 */
function holdsThread(event, next, waiting) {
	if (!next || waiting.has(event.event) || event.thread !== next.thread) {
		return false;
	}
	const name = family(event.thread).name;
	return name.startsWith("boundedElastic") || name === "event loop" || next.atMs - event.atMs < 1;
}

function svg(name, attributes, text) {
	const element = document.createElementNS("http://www.w3.org/2000/svg", name);
	for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
	if (text !== undefined) element.textContent = text;
	return element;
}

/**
 * Draws the events ({atMs, task, event, detail?, thread}) into the timeline element and the thread families they
 * ran on into the legend element.
 * @param waiting the events after which a task holds no thread
 */
export function draw({ timeline, legend }, events, elapsedMs, dropped, waiting) {
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
	const label = 170;
	const row = 22;
	const width = Math.max(640, timeline.clientWidth - 4);
	const end = Math.max(elapsedMs || 0, ...events.map((e) => e.atMs), 1);
	const x = (ms) => label + (ms / end) * (width - label - 16);
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
			const fam = family(event.thread);
			families.add(fam);
			const faint = !holdsThread(event, next, waiting);
			const hasDetail = event.detail !== undefined && event.detail !== null;
			const bar = svg("rect", { class: "bar", x: from, y: y + 3, width: Math.max(2, to - from), height: row - 8,
				fill: fam.color, "fill-opacity": faint ? 0.3 : 0.9, "data-thread": event.thread,
				"data-event": event.event, ...(hasDetail ? { "data-detail": event.detail } : {}), "data-at": event.atMs });
			bar.appendChild(svg("title", {}, task + ": " + event.event + (hasDetail ? " " + event.detail : "")
				+ " at " + event.atMs + " ms on " + event.thread + (faint ? " (waiting)" : "")));
			group.appendChild(bar);
		});
		root.appendChild(group);
	});
	root.appendChild(axis(shown.length * row + 8, label, width, end, x));
	timeline.replaceChildren(root);
	legend.replaceChildren();
	for (const fam of FAMILIES.filter((f) => families.has(f))) {
		const item = document.createElement("span");
		item.style.setProperty("--c", fam.color);
		item.textContent = fam.name;
		legend.appendChild(item);
	}
	const note = document.createElement("span");
	note.className = "hint";
	note.textContent = "solid: a thread is held · faint: waiting, no thread held"
		+ (tasks.length > MAX_ROWS ? " · " + (tasks.length - MAX_ROWS) + " more tasks not drawn" : "")
		+ (dropped ? " · " + dropped + " events not recorded" : "");
	legend.appendChild(note);
}

function axis(axisY, label, width, end, x) {
	const group = svg("g", { class: "axis" });
	group.appendChild(svg("line", { x1: label, x2: width - 16, y1: axisY, y2: axisY, stroke: "#99a3ab" }));
	const step = niceStep(end / 8);
	for (let ms = 0; ms <= end; ms += step) {
		group.appendChild(svg("line", { x1: x(ms), x2: x(ms), y1: axisY, y2: axisY + 4, stroke: "#99a3ab" }));
		group.appendChild(svg("text", { x: x(ms) - 8, y: axisY + 16 }, Math.round(ms) + " ms"));
	}
	return group;
}

function niceStep(raw) {
	const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 0.001))));
	return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
}
