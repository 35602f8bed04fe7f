// The fields whose values come from the server (concepts.json's "choices"): a file of the data folder, a task. Each
// is offered as a list, so that a concept runs on its first click; a task can also be made on Run.

const $ = (id) => document.getElementById(id);

/**
 * The values a field takes from the server (concepts.json's choices): the data folder's files, the tasks, with a
 * new task first where the concept can make one.
 */
export async function offeredValues(concept) {
	const offered = {};
	for (const [name, choice] of Object.entries(concept.choices || {})) {
		const items = await fetch(choice.from).then((r) => (r.ok ? r.json() : [])).catch(() => []);
		const values = items.map((item) => ({ value: String(item[choice.value]),
			label: item[choice.label] + (choice.value !== choice.label ? " (" + item[choice.value] + ")" : "") }));
		values.sort((a, b) => (b.value === choice.prefer) - (a.value === choice.prefer));
		offered[name] = choice.create ? [{ value: "", label: choice.create.label }, ...values] : values;
	}
	return offered;
}

/** Makes what an empty field that offers a new one asks for (a task), and selects it. */
export async function createChosen(concept) {
	for (const [name, choice] of Object.entries(concept.choices || {})) {
		const select = $("field-" + name);
		if (!choice.create || !select || select.value !== "") continue;
		const response = await fetch(choice.create.path, { method: "POST", headers: { "Content-Type": "application/json" },
			body: JSON.stringify(choice.create.body) });
		const made = await response.json();
		const option = document.createElement("option");
		option.value = String(made[choice.value]);
		option.textContent = made[choice.label] + " (" + made[choice.value] + ")";
		select.appendChild(option);
		select.value = option.value;
	}
}
