// The explorer: the concept catalog (concepts.json) for the chapters and the code, the OpenAPI description for
// each endpoint's parameters and ranges, and an SVG timeline drawn from the report each demo answers.
"use strict";

const FAMILIES = [
	{ name: "event loop", test: /-http-/, color: "var(--loop)" },
	{ name: "parallel (timers)", test: /^parallel-/, color: "var(--parallel)" },
	{ name: "boundedElastic (blocking work)", test: /^boundedElastic-/, color: "var(--elastic)" },
	{ name: "single", test: /^single-/, color: "var(--single)" },
	{ name: "R2DBC event loop", test: /-tcp-/, color: "var(--tcp)" },
	{ name: "other", test: /.*/, color: "var(--other)" },
];

// Events after which a task waits rather than runs.
const WAITING = /^(suspend|wait|waiting|hop|opening|called|cancelled|built|created|tick)/;

/**
 * Whether a task held a thread from this event to its next one. Blocking work starts and ends on the same thread
 * (a boundedElastic worker, or an event loop in the anti-pattern); a task that waits resumes elsewhere, or on a
 * timer or database thread that was free meanwhile.
 */
function holdsThread(event, next) {
	if (!next || WAITING.test(event.event) || event.thread !== next.thread) {
		return false;
	}
	const name = family(event.thread).name;
	return name.startsWith("boundedElastic") || name === "event loop" || next.atMs - event.atMs < 1;
}

const MAX_ROWS = 150;

const state = { api: null, concepts: [], current: null, abort: null, source: null };

const $ = (id) => document.getElementById(id);

function family(thread) {
	return FAMILIES.find((f) => f.test.test(thread || ""));
}

async function init() {
	const [catalog, api] = await Promise.all([
		fetch("concepts.json").then((r) => r.json()),
		fetch("/v3/api-docs").then((r) => r.json()),
	]);
	state.api = api;
	const chapters = $("chapters");
	for (const chapter of catalog) {
		const item = document.createElement("li");
		item.className = "chapter";
		const title = document.createElement("span");
		title.textContent = chapter.chapter;
		item.appendChild(title);
		const list = document.createElement("ol");
		for (const concept of chapter.concepts) {
			state.concepts.push(concept);
			const li = document.createElement("li");
			const button = document.createElement("button");
			button.type = "button";
			button.textContent = concept.title;
			button.dataset.concept = concept.id;
			button.addEventListener("click", () => select(concept.id));
			li.appendChild(button);
			list.appendChild(li);
		}
		item.appendChild(list);
		chapters.appendChild(item);
	}
	$("form").addEventListener("submit", (event) => {
		event.preventDefault();
		run();
	});
	window.addEventListener("hashchange", () => select(location.hash.slice(1)));
	if (location.hash) {
		select(location.hash.slice(1));
	}
}

function operationOf(concept) {
	const path = state.api.paths[concept.path] || {};
	return path[concept.method.toLowerCase()] || {};
}

function resolve(schema) {
	if (schema && schema.$ref) {
		return state.api.components.schemas[schema.$ref.split("/").pop()];
	}
	return schema || {};
}

/** The form's fields: query and path parameters, then the JSON body's properties. */
function fieldsOf(concept) {
	const operation = operationOf(concept);
	const fields = (operation.parameters || []).map((p) => ({
		name: p.name, in: p.in, required: p.required, schema: resolve(p.schema),
	}));
	const body = operation.requestBody && operation.requestBody.content
		&& operation.requestBody.content["application/json"];
	if (body) {
		const schema = resolve(body.schema);
		for (const [name, property] of Object.entries(schema.properties || {})) {
			fields.push({ name, in: "body", required: (schema.required || []).includes(name), schema: resolve(property) });
		}
	}
	return fields;
}

function select(id) {
	const concept = state.concepts.find((c) => c.id === id);
	if (!concept) {
		return;
	}
	stop();
	state.current = concept;
	if (location.hash !== "#" + id) {
		history.replaceState(null, "", "#" + id);
	}
	document.querySelectorAll("nav button").forEach((b) => b.setAttribute("aria-current", String(b.dataset.concept === id)));
	$("intro").hidden = true;
	$("concept").hidden = false;
	$("concept-title").textContent = concept.title;
	const summary = operationOf(concept).summary || "";
	$("concept-endpoint").textContent = concept.method + " " + concept.path + (summary ? " — " + summary : "");
	$("code-asyncio").textContent = concept.asyncio;
	$("code-reactor").textContent = concept.reactor;
	renderFields(concept);
	clearResult();
	$("main").focus({ preventScroll: true });
}

function renderFields(concept) {
	const container = $("fields");
	container.replaceChildren();
	for (const field of fieldsOf(concept)) {
		const s = field.schema;
		const wrapper = document.createElement("div");
		wrapper.className = "field";
		const id = "field-" + field.name;
		const label = document.createElement("label");
		label.htmlFor = id;
		label.textContent = field.name + (field.required ? " *" : "");
		let input;
		if (s.enum || s.type === "boolean") {
			input = document.createElement("select");
			const values = s.enum || ["false", "true"];
			if (!field.required && s.default === undefined && !s.enum) {
				values.unshift("");
			}
			for (const value of values) {
				const option = document.createElement("option");
				option.value = option.textContent = String(value);
				input.appendChild(option);
			}
		}
		else {
			input = document.createElement("input");
			input.type = (s.type === "integer" || s.type === "number") ? "number" : "text";
			if (s.minimum !== undefined) input.min = s.minimum;
			if (s.maximum !== undefined) input.max = s.maximum;
			if (s.maxLength !== undefined) input.maxLength = s.maxLength;
		}
		input.id = id;
		input.name = field.name;
		input.dataset.in = field.in;
		if (s.default !== undefined) {
			input.value = String(s.default);
		}
		const hint = document.createElement("span");
		hint.className = "hint";
		hint.id = id + "-hint";
		hint.textContent = describe(s);
		const error = document.createElement("span");
		error.className = "error";
		error.id = id + "-error";
		input.setAttribute("aria-describedby", hint.id + " " + error.id);
		wrapper.append(label, input, hint, error);
		container.appendChild(wrapper);
	}
}

function describe(schema) {
	if (schema.enum) return "one of " + schema.enum.join(", ");
	if (schema.minimum !== undefined || schema.maximum !== undefined) {
		return (schema.minimum ?? "") + ".." + (schema.maximum ?? "");
	}
	if (schema.type === "boolean") return "true or false";
	if (schema.pattern) return "pattern " + schema.pattern;
	return schema.type || "";
}

function request() {
	const concept = state.current;
	let path = concept.path;
	const query = new URLSearchParams();
	const body = {};
	let hasBody = false;
	for (const input of $("fields").querySelectorAll("input, select")) {
		const value = input.value.trim();
		if (value === "") continue;
		if (input.dataset.in === "path") {
			path = path.replace("{" + input.name + "}", encodeURIComponent(value));
		}
		else if (input.dataset.in === "body") {
			hasBody = true;
			body[input.name] = (input.type === "number") ? Number(value) : value;
		}
		else {
			query.append(input.name, value);
		}
	}
	const url = path + (query.toString() ? "?" + query : "");
	return { url, init: hasBody || concept.method === "POST"
		? { method: concept.method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }
		: { method: concept.method } };
}

function stop() {
	if (state.abort) state.abort.abort();
	if (state.source) state.source.close();
	state.abort = null;
	state.source = null;
}

function clearResult() {
	$("problem").hidden = true;
	$("timeline").replaceChildren();
	$("legend").replaceChildren();
	$("result").textContent = "";
	$("raw").textContent = "";
	$("status").textContent = "";
	for (const input of $("fields").querySelectorAll("input, select")) {
		input.removeAttribute("aria-invalid");
		$(input.id + "-error").textContent = "";
	}
}

async function run() {
	stop();
	clearResult();
	const { url, init } = request();
	const started = performance.now();
	$("status").textContent = "Running " + url + " …";
	try {
		if (state.current.stream === "sse") {
			runEventSource(url, started);
			return;
		}
		state.abort = new AbortController();
		const accept = state.current.stream === "ndjson" ? "application/x-ndjson" : "application/json";
		const response = await fetch(url, { ...init, headers: { ...(init.headers || {}), Accept: accept },
			signal: state.abort.signal });
		if (!response.ok) {
			await showProblem(response);
			return;
		}
		if (state.current.stream === "ndjson") {
			await readNdjson(response, started);
			return;
		}
		const text = await response.text();
		const json = text ? JSON.parse(text) : null;
		showJson(json);
		$("status").textContent = "Done: HTTP " + response.status + " in " + Math.round(performance.now() - started) + " ms";
	}
	catch (error) {
		if (error.name !== "AbortError") {
			$("status").textContent = "Failed: " + error.message;
		}
	}
}

async function showProblem(response) {
	const problem = await response.json().catch(() => ({ title: response.statusText }));
	$("status").textContent = "HTTP " + response.status;
	const box = $("problem");
	box.hidden = false;
	box.textContent = (problem.title || "Error") + ": " + (problem.detail || "");
	const input = problem.parameter && $("field-" + problem.parameter);
	if (input) {
		input.setAttribute("aria-invalid", "true");
		$(input.id + "-error").textContent = problem.detail || problem.title;
		input.focus();
	}
	$("raw").textContent = JSON.stringify(problem, null, 2);
}

function showJson(json) {
	$("raw").textContent = JSON.stringify(json, null, 2);
	if (json && Array.isArray(json.timeline)) {
		$("result").textContent = JSON.stringify(json.result, null, 2);
		draw(json.timeline, json.elapsedMs, json.droppedEvents);
	}
	else {
		$("result").textContent = JSON.stringify(json, null, 2);
	}
}

async function readNdjson(response, started) {
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
			showStream(items);
		}
	}
	$("status").textContent = "Done: " + items.length + " items in " + Math.round(performance.now() - started) + " ms";
}

function runEventSource(url, started) {
	const ticks = [];
	const source = new EventSource(url);
	state.source = source;
	source.addEventListener("tick", (event) => {
		ticks.push(JSON.parse(event.data));
		showStream(ticks);
	});
	source.addEventListener("result", (event) => {
		source.close();
		const report = JSON.parse(event.data);
		showJson(report);
		$("status").textContent = "Done: " + ticks.length + " ticks, then the result, in "
			+ Math.round(performance.now() - started) + " ms";
	});
	source.onerror = () => {
		source.close();
		if (!$("raw").textContent) $("status").textContent = "The stream was refused or broke (check the parameters).";
	};
}

/** Streamed items drawn as they arrive: each item a mark on its row, at the time it arrived. */
function showStream(items) {
	$("raw").textContent = items.map((i) => JSON.stringify(i)).join("\n");
	$("result").textContent = items.length + " received so far";
	const events = items.map((item) => ({
		atMs: item.atMs ?? 0,
		task: item.job !== undefined ? "job-" + item.job : (item.type === "TimeoutError" ? "TimeoutError"
			: (item.n !== undefined ? "ticker" : "stream")),
		event: item.type || (item.n !== undefined ? "tick " + item.n : "value " + item.value),
		thread: item.thread || "",
	}));
	draw(events, Math.max(...events.map((e) => e.atMs)), 0);
}

function svg(name, attributes, text) {
	const element = document.createElementNS("http://www.w3.org/2000/svg", name);
	for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
	if (text !== undefined) element.textContent = text;
	return element;
}

/** One row per task; a bar from each event to the task's next one, coloured by the thread that ran it. */
function draw(events, elapsedMs, dropped) {
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
	const width = Math.max(640, $("timeline").clientWidth - 4);
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
			const waiting = !holdsThread(event, next);
			const bar = svg("rect", { class: "bar", x: from, y: y + 3, width: Math.max(2, to - from), height: row - 8,
				fill: fam.color, "fill-opacity": waiting ? 0.3 : 0.9, "data-thread": event.thread,
				"data-event": event.event, "data-at": event.atMs });
			bar.appendChild(svg("title", {}, task + ": " + event.event + " at " + event.atMs + " ms on " + event.thread
				+ (waiting ? " (waiting)" : "")));
			group.appendChild(bar);
		});
		root.appendChild(group);
	});
	const axis = svg("g", { class: "axis" });
	const axisY = shown.length * row + 8;
	axis.appendChild(svg("line", { x1: label, x2: width - 16, y1: axisY, y2: axisY, stroke: "#99a3ab" }));
	const step = niceStep(end / 8);
	for (let ms = 0; ms <= end; ms += step) {
		axis.appendChild(svg("line", { x1: x(ms), x2: x(ms), y1: axisY, y2: axisY + 4, stroke: "#99a3ab" }));
		axis.appendChild(svg("text", { x: x(ms) - 8, y: axisY + 16 }, Math.round(ms) + " ms"));
	}
	root.appendChild(axis);
	$("timeline").replaceChildren(root);
	const legend = $("legend");
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

function niceStep(raw) {
	const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 0.001))));
	return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
}

init();
