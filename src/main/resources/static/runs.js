// The runs of a concept: the asyncio example's own run (asyncio-traces.json), drawn above the Reactor run that the page
// has just made, and the virtual-thread twin's run and the learner's own (the workbook's) beneath, all on one time axis
// so that order, overlap and elapsed time can be compared.
import { draw, endOf } from "./timeline.js";

const $ = (id) => document.getElementById(id);

/**
 * The asyncio run of the concept's example, if it has one, on a time axis that reaches at least to `end` (the
 * Reactor run's).
 * @param described the page's descriptions: python (the version that ran the traces) and waiting (the events after
 * which a task holds no thread)
 */
export function drawAsyncio(trace, { python, waiting }, end = 0) {
	$("asyncio-run").hidden = !trace;
	if (!trace) return;
	const parameters = Object.entries(trace.parameters || {}).map(([k, v]) => k + "=" + v).join(", ");
	$("asyncio-caption").textContent = trace.example + ", run for real by Python " + python
		+ (parameters ? " with " + parameters : "") + ": " + Math.round(trace.elapsedMs) + " ms, result "
		+ JSON.stringify(trace.result);
	draw({ timeline: $("asyncio-timeline"), legend: $("asyncio-legend") }, trace.timeline,
		{ end: Math.max(end, endOf(trace.timeline, trace.elapsedMs)), dropped: 0, waiting });
}

/**
 * The Reactor run ({events, elapsedMs, dropped}), the asyncio one above it, and beneath it the virtual-thread twin's
 * and the learner's own (the workbook's, with -Pworkbook), if any, on one time axis.
 */
export function drawRuns(trace, { events, elapsedMs, dropped }, described, twin = null, mine = null) {
	const end = Math.max(endOf(events, elapsedMs), trace ? endOf(trace.timeline, trace.elapsedMs) : 0,
		twin ? endOf(twin.timeline, twin.elapsedMs) : 0, mine ? endOf(mine.timeline, mine.elapsedMs) : 0);
	drawAsyncio(trace, described, end);
	draw({ timeline: $("timeline"), legend: $("legend") }, events, { end, dropped, waiting: described.waiting });
	drawBeneath("vthreads", twin, end, described, twin && "result " + JSON.stringify(twin.result));
	// The learner's result is an Attempt: the exercise's value, or what it raised.
	const attempt = (mine && mine.result) || {};
	drawBeneath("workbook", mine, end, described, (attempt.raised ? "raised " + attempt.raised
		: "result " + JSON.stringify(attempt.result))
		+ (mine && mine.ignores.length ? " (your exercise takes no " + mine.ignores.join(", ") + ")" : ""));
}

function drawBeneath(id, run, end, described, outcome) {
	$(id + "-run").hidden = !run;
	if (!run) return;
	$(id + "-caption").textContent = "GET " + run.path + ": " + Math.round(run.elapsedMs) + " ms, " + outcome;
	draw({ timeline: $(id + "-timeline"), legend: $(id + "-legend") }, run.timeline,
		{ end, dropped: run.droppedEvents, waiting: described.waiting });
}

/** Why the learner's run is not drawn: the exercise is not written yet, or it broke. */
export function showWorkbookProblem(path, detail) {
	$("workbook-run").hidden = false;
	$("workbook-caption").textContent = "GET " + path + ": " + detail;
	$("workbook-timeline").replaceChildren();
	$("workbook-legend").replaceChildren();
}
