// The form of a concept: one field per parameter with its range and a value that runs (its default, its example, or
// the first of the values offered), the request built from it, and a problem (RFC 9457, with the parameter it names)
// shown next to its field.

const $ = (id) => document.getElementById(id);

/**
 * Renders the fields (from api.js's fieldsOf) into the container, replacing what was there.
 * @param offered for a field that takes one of the server's values (a file, a task), its values: [{value, label}]
 */
export function renderFields(container, fields, offered = {}) {
	container.replaceChildren();
	for (const field of fields) {
		const s = field.schema;
		const wrapper = document.createElement("div");
		wrapper.className = "field";
		const id = "field-" + field.name;
		const label = document.createElement("label");
		label.htmlFor = id;
		label.textContent = field.name + (field.required ? " *" : "");
		let input;
		if (offered[field.name]) {
			input = document.createElement("select");
			for (const { value, label: text } of offered[field.name]) {
				const option = document.createElement("option");
				option.value = value;
				option.textContent = text;
				input.appendChild(option);
			}
		}
		else if (s.enum || s.type === "boolean") {
			input = document.createElement("select");
			const values = [...(s.enum || ["false", "true"])];
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
		const initial = s.default ?? s.example;
		if (initial !== undefined && !offered[field.name]) {
			input.value = String(initial);
		}
		const hint = document.createElement("span");
		hint.className = "hint";
		hint.id = id + "-hint";
		hint.textContent = offered[field.name] ? "one of the server's, as it lists them now" : describe(s);
		const error = document.createElement("span");
		error.className = "error";
		error.id = id + "-error";
		input.setAttribute("aria-describedby", hint.id + " " + error.id);
		wrapper.append(label, input, hint, error);
		container.appendChild(wrapper);
	}
	for (const field of fields.filter((f) => f.below)) {
		followBound(container, field);
	}
}

/** A field whose values stay below another's (failAt below count): its maximum and hint follow that field. */
function followBound(container, field) {
	const input = container.querySelector("#field-" + field.name);
	const bound = container.querySelector("#field-" + field.below);
	if (!input || !bound) return;
	const follow = () => {
		const limit = Number(bound.value);
		if (bound.value === "" || !Number.isInteger(limit)) return;
		input.max = Math.max(0, Math.min(limit - 1, field.schema.maximum ?? limit - 1));
		$(input.id + "-hint").textContent = (field.schema.minimum ?? 0) + ".." + input.max + " (below " + field.below
			+ "); empty: none";
	};
	bound.addEventListener("input", follow);
	follow();
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

/** The request the form describes: path parameters in the path, body fields as JSON, the others in the query. */
export function buildRequest(concept, container) {
	let path = concept.path;
	const query = new URLSearchParams();
	const body = {};
	let hasBody = false;
	for (const input of container.querySelectorAll("input, select")) {
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

/** Removes the problems shown next to the fields. */
export function clearProblems(container) {
	for (const input of container.querySelectorAll("input, select")) {
		input.removeAttribute("aria-invalid");
		$(input.id + "-error").textContent = "";
	}
}

/** Shows the problem an error response carries, in the alert box and next to the field it names. */
export async function showProblem(response) {
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
