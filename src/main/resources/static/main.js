// The explorer: the concept catalog for the chapters, the code and what to look for, the OpenAPI description for each
// endpoint's parameters and the timeline's vocabulary, the asyncio run of each example, and the Reactor run drawn
// beneath it on the same time axis, with the virtual-thread twin's run under both where the concept has one. This
// module wires them: the navigation, the selected concept (also in the URL's
// hash) and the run in flight.
import { fieldsOf, load, operationOf } from "./api.js";
import { createChosen, offeredValues } from "./choices.js";
import { buildRequest, clearProblems, renderFields, showProblem } from "./form.js";
import { openEventSource, readNdjson, streamEvents } from "./stream.js";
import { drawAsyncio, drawRuns, showWorkbookProblem } from "./runs.js";

const $ = (id) => document.getElementById(id);

/** Loaded once at start-up: chapters, concepts, api (OpenAPI), waiting (the waiting events). */
let described = null;

/**
 * The concept shown, how to stop its run in flight (a fetch's AbortController or an EventSource), the Reactor run
 * drawn ({events, elapsedMs, dropped}) and the virtual-thread twin's report, if any.
 */
const run = { concept: null, abort: null, source: null, reactor: null, twin: null, mine: null };

async function init() {
	described = await load();
	const chapters = $("chapters");
	for (const chapter of described.chapters) {
		const item = document.createElement("li");
		item.className = "chapter";
		const title = document.createElement("span");
		title.textContent = chapter.chapter;
		item.appendChild(title);
		const list = document.createElement("ol");
		for (const concept of chapter.concepts) {
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
	guide();
	$("form").addEventListener("submit", (event) => {
		event.preventDefault();
		start();
	});
	window.addEventListener("hashchange", () => select(location.hash.slice(1)));
	if (location.hash) {
		select(location.hash.slice(1));
	}
}

/** The landing page: each chapter, what it teaches and its first concept. */
function guide() {
	const list = $("guide");
	for (const chapter of described.chapters) {
		const item = document.createElement("li");
		const first = document.createElement("a");
		first.href = "#" + chapter.concepts[0].id;
		first.textContent = chapter.chapter;
		item.append(first, " — " + (chapter.teaches || ""));
		list.appendChild(item);
	}
}

async function select(id) {
	const concept = described.concepts.find((c) => c.id === id);
	if (!concept) {
		return;
	}
	stop();
	run.concept = concept;
	if (location.hash !== "#" + id) {
		history.replaceState(null, "", "#" + id);
	}
	document.querySelectorAll("nav button").forEach((b) => b.setAttribute("aria-current", String(b.dataset.concept === id)));
	$("intro").hidden = true;
	$("concept").hidden = false;
	$("concept-title").textContent = concept.title;
	const summary = operationOf(described.api, concept).summary || "";
	$("concept-endpoint").textContent = concept.method + " " + concept.path + (summary ? " — " + summary : "");
	$("code-asyncio").textContent = concept.asyncio;
	$("code-reactor").textContent = concept.reactor;
	$("code-vthreads-figure").hidden = !concept.vthreads;
	$("code-vthreads").textContent = concept.vthreads ? concept.vthreads.java : "";
	$("concept-look").textContent = concept.look || "";
	showExercise(concept.workbook);
	clearResult();
	$("main").focus({ preventScroll: true });
	delete $("fields").dataset.ready;
	const offered = await offeredValues(concept);
	if (run.concept === concept) {
		renderFields($("fields"), fieldsOf(described.api, concept), offered);
		$("fields").dataset.ready = concept.id;
	}
}

/** Where the learner writes this concept's exercise, and the command that grades it. */
function showExercise(workbook) {
	$("workbook-note").hidden = !workbook;
	if (!workbook) return;
	const name = workbook.exercise.split("/").pop();
	$("workbook-file").textContent = "workbook/exercises/dev/asynciolearn/workbook/" + workbook.exercise + ".java";
	$("workbook-grade").textContent = "./mvnw -Pworkbook test -Dtest=" + name + "Exercise";
	$("workbook-see").hidden = !workbook.path;
}

function stop() {
	if (run.abort) run.abort.abort();
	if (run.source) run.source.close();
	run.abort = null;
	run.source = null;
}

function clearResult() {
	$("problem").hidden = true;
	$("timeline").replaceChildren();
	$("legend").replaceChildren();
	run.reactor = null;
	run.twin = null;
	run.mine = null;
	$("vthreads-run").hidden = true;
	$("workbook-run").hidden = true;
	$("vthreads-raw-details").hidden = true;
	$("vthreads-raw").textContent = "";
	drawAsyncio(traceOf(run.concept), described);
	$("result").textContent = "";
	$("raw").textContent = "";
	$("status").textContent = "";
	clearProblems($("fields"));
}

async function start() {
	stop();
	clearResult();
	const concept = run.concept;
	await createChosen(concept);
	const { url, init } = buildRequest(concept, $("fields"));
	const started = performance.now();
	const took = () => Math.round(performance.now() - started) + " ms";
	$("status").textContent = "Running " + url + " …";
	try {
		if (concept.stream === "sse") {
			run.source = openEventSource(url, {
				onTick: showStream,
				onResult: async (report, ticks) => {
					showJson(report);
					const streamTook = took();
					if (concept.vthreads) {
						$("status").textContent = "Running the virtual-thread twin …";
						const twin = await runTwinEvents(concept, url);
						$("status").textContent = "Done: " + ticks + " ticks, then the result, in " + streamTook
							+ "; virtual threads: " + (twin ? Math.round(twin.elapsedMs) + " ms" : "refused");
						return;
					}
					$("status").textContent = "Done: " + ticks + " ticks, then the result, in " + streamTook;
				},
				onError: () => {
					if (!$("raw").textContent) $("status").textContent = "The stream was refused or broke (check the parameters).";
				},
			});
			return;
		}
		run.abort = new AbortController();
		const accept = concept.stream === "ndjson" ? "application/x-ndjson" : "application/json, text/plain;q=0.5";
		const response = await fetch(url, { ...init, headers: { ...(init.headers || {}), Accept: accept },
			signal: run.abort.signal });
		if (!response.ok) {
			await showProblem(response);
			return;
		}
		if (concept.stream === "ndjson") {
			const count = await readNdjson(response, showStream);
			$("result").textContent = count + " received, the stream has ended";
			const streamTook = took();
			let others = "";
			if (concept.vthreads) {
				$("status").textContent = "Running the virtual-thread twin …";
				const twin = await runTwin(concept, url, init);
				others += "; virtual threads: " + (twin ? twin.result : "refused");
			}
			others += await runWorkbook(concept, url, init);
			$("status").textContent = "Done: " + count + " items in " + streamTook + others;
			return;
		}
		const text = await response.text();
		if ((response.headers.get("Content-Type") || "").includes("json")) {
			showJson(text ? JSON.parse(text) : null);
		}
		else {
			$("result").textContent = $("raw").textContent = text;
		}
		const reactorTook = took();
		let others = "";
		if (concept.vthreads && run.reactor) {
			$("status").textContent = "Running the virtual-thread twin …";
			const twin = await runTwin(concept, url, init);
			others += "; virtual threads: " + (twin ? Math.round(twin.elapsedMs) + " ms" : "refused");
		}
		others += await runWorkbook(concept, url, init);
		$("status").textContent = "Done: HTTP " + response.status + " in " + reactorTook + others;
	}
	catch (error) {
		if (error.name !== "AbortError") {
			$("status").textContent = "Failed: " + error.message;
		}
	}
}

/**
 * The same query on the concept's virtual-thread twin, run after the Reactor one (never beside it, to time both
 * fairly): its report, or its streamed items drawn as marks, as the Reactor run's are.
 */
async function runTwin(concept, url, init) {
	const path = concept.vthreads.path;
	const ndjson = concept.stream === "ndjson";
	const response = await fetch(url.replace(concept.path, path), { ...init,
		headers: { ...(init.headers || {}), Accept: ndjson ? "application/x-ndjson" : "application/json" },
		signal: run.abort.signal });
	if (!response.ok) {
		return null;
	}
	if (ndjson) {
		const items = [];
		const count = await readNdjson(response, (received) => items.splice(0, items.length, ...received));
		const timeline = streamEvents(items);
		run.twin = { timeline, elapsedMs: Math.max(0, ...timeline.map((e) => e.atMs)), result: count + " items",
			path };
		$("vthreads-raw").textContent = items.map((i) => JSON.stringify(i)).join("\n");
	}
	else {
		run.twin = { ...(await response.json()), path };
		$("vthreads-raw").textContent = JSON.stringify(run.twin, null, 2);
	}
	$("vthreads-raw-details").hidden = false;
	drawRuns(traceOf(run.concept), run.reactor, described, run.twin, run.mine);
	return run.twin;
}

/**
 * The learner's own run of the concept's workbook exercise, with the same query, once the Reactor run is drawn, when
 * the app runs with -Pworkbook (without it the route does not exist: nothing is shown). Answers what the status line
 * adds: "; yours: N ms", or nothing.
 */
async function runWorkbook(concept, url, init) {
	if (!concept.workbook || !concept.workbook.path || !run.reactor) {
		return "";
	}
	$("status").textContent = "Running your exercise …";
	const path = concept.workbook.path;
	const signal = run.abort.signal;
	const response = await fetch(url.replace(concept.path, path), { ...init,
		headers: { ...(init.headers || {}), Accept: "application/json" }, signal });
	if (response.status === 404) {
		return "";
	}
	if (!response.ok) {
		const problem = await response.json().catch(() => ({}));
		if (!signal.aborted) {
			showWorkbookProblem(path, problem.detail || "HTTP " + response.status);
		}
		return "";
	}
	const report = await response.json();
	if (!Array.isArray(report.timeline)) {
		return "";
	}
	run.mine = { ...report, path, ignores: concept.workbook.ignores || [] };
	drawRuns(traceOf(run.concept), run.reactor, described, run.twin, run.mine);
	return "; yours: " + Math.round(run.mine.elapsedMs) + " ms";
}

/** The twin of a Server-Sent Events concept: its ticks, then its report, which is what is drawn. */
function runTwinEvents(concept, url) {
	const path = concept.vthreads.path;
	return new Promise((resolve) => {
		run.source = openEventSource(url.replace(concept.path, path), {
			onTick: () => {},
			onResult: (report) => {
				run.twin = { ...report, path };
				$("vthreads-raw").textContent = JSON.stringify(run.twin, null, 2);
				$("vthreads-raw-details").hidden = false;
				drawRuns(traceOf(run.concept), run.reactor, described, run.twin, run.mine);
				resolve(run.twin);
			},
			onError: () => resolve(null),
		});
	});
}

function traceOf(concept) {
	return concept && described.traces[concept.id];
}

/** The Reactor run, the asyncio one above it and the twin's beneath, on one time axis. */
function drawTimeline(events, elapsedMs, dropped) {
	run.reactor = { events, elapsedMs, dropped };
	drawRuns(traceOf(run.concept), run.reactor, described, run.twin, run.mine);
}

function showJson(json) {
	$("raw").textContent = JSON.stringify(json, null, 2);
	if (json && Array.isArray(json.timeline)) {
		$("result").textContent = JSON.stringify(json.result, null, 2);
		drawTimeline(json.timeline, json.elapsedMs, json.droppedEvents);
	}
	else {
		$("result").textContent = JSON.stringify(json, null, 2);
	}
}

/** Streamed items drawn as they arrive: each item a mark on its row, at the time it arrived. */
function showStream(items) {
	$("raw").textContent = items.map((i) => JSON.stringify(i)).join("\n");
	$("result").textContent = items.length + " received so far";
	const events = streamEvents(items);
	drawTimeline(events, Math.max(...events.map((e) => e.atMs)), 0);
}

init();
