// The three descriptions the page is built from: the concept catalog (concepts.json: chapters, titles, code and what
// to look for), the OpenAPI description (/v3/api-docs: each endpoint's parameters and ranges, and the timeline's
// vocabulary) and the asyncio runs (asyncio-traces.json: each example run for real by traces/asyncio_traces.py).

/**
 * Loads the descriptions once.
 * @returns {Promise<{chapters: object[], concepts: object[], api: object, waiting: Set<string>, traces: object}>}
 * the catalog's chapters, its concepts in order, the OpenAPI description, the events after which a task holds no
 * thread, and the asyncio trace of each concept that has one
 */
export async function load() {
	const [chapters, api, traces] = await Promise.all([
		fetch("concepts.json").then((r) => r.json()),
		fetch("/v3/api-docs").then((r) => r.json()),
		fetch("asyncio-traces.json").then((r) => r.json()).catch(() => ({ traces: {} })),
	]);
	return { chapters, concepts: chapters.flatMap((chapter) => chapter.concepts), api, waiting: waitingEvents(api),
		traces: traces.traces || {}, python: traces.python };
}

/**
 * The timeline's waiting events, as the server lists them in TimelineEvent.event's x-waiting: after one of them a
 * task holds no thread until its next event.
 */
function waitingEvents(api) {
	const timelineEvent = resolve(api, schemas(api).TimelineEvent);
	const event = resolve(api, (timelineEvent.properties || {}).event);
	const waiting = event["x-waiting"];
	if (!Array.isArray(waiting)) {
		console.warn("The OpenAPI description lists no x-waiting events for TimelineEvent.event");
		return new Set();
	}
	return new Set(waiting);
}

function schemas(api) {
	return (api.components && api.components.schemas) || {};
}

/** A schema with its $ref, if any, replaced by the schema it names. */
function resolve(api, schema) {
	if (schema && schema.$ref) {
		return schemas(api)[schema.$ref.split("/").pop()] || {};
	}
	return schema || {};
}

/** The OpenAPI operation of a concept's endpoint, or an empty one if the API does not describe it. */
export function operationOf(api, concept) {
	const path = api.paths[concept.path] || {};
	return path[concept.method.toLowerCase()] || {};
}

/** The form's fields: query and path parameters, then the JSON body's properties. */
export function fieldsOf(api, concept) {
	const operation = operationOf(api, concept);
	const fields = (operation.parameters || []).map((p) => ({
		name: p.name, in: p.in, required: p.required, schema: resolve(api, p.schema), below: p["x-below"],
	}));
	const body = operation.requestBody && operation.requestBody.content
		&& operation.requestBody.content["application/json"];
	if (body) {
		const schema = resolve(api, body.schema);
		for (const [name, property] of Object.entries(schema.properties || {})) {
			fields.push({ name, in: "body", required: (schema.required || []).includes(name),
				schema: resolve(api, property) });
		}
	}
	return fields;
}
