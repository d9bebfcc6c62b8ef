import { defineFamily } from "../family.js";

const THEMES = [
	{ dict: "stock", keys: ["pear", "fig", "lime", "plum", "kiwi", "date"] },
	{ dict: "votes", keys: ["red", "blue", "green", "gold", "pink", "teal"] },
	{ dict: "scores", keys: ["ann", "bob", "cy", "dee", "eve", "fay"] },
	{ dict: "seats", keys: ["oslo", "rome", "lima", "kyiv", "bonn", "nice"] },
] as const;
const STEPS = ["insert", "assign", "setdefault"] as const;

interface Params {
	dict: string;
	/** the starting keys and values */
	start: [string, number][];
	/** a key not in the dict, added through get(key, 0) + added */
	added: [string, number];
	/** the first starting key, given a new value */
	assigned: number;
	/** another starting key, and the value setdefault offers it */
	defaulted: [string, number];
	/** a missing key read with get, and the default given (null: no default) */
	missing: [string, number | null];
	order: (typeof STEPS)[number][];
}

const literal = (entries: [string, number][]) =>
	`{${entries.map(([k, v]) => `"${k}": ${v}`).join(", ")}}`;

export const dictMethods = defineFamily<Params>({
	id: "python/dict-methods",
	language: "python",
	difficulty: "easy",
	title: "Dictionary get, setdefault and key order",
	topics: ["dictionaries", "dict", "get", "setdefault", "ordering"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		const size = rng.int(2, 3);
		const [added = "", missing = "", ...keys] = rng.sample(
			theme.keys,
			size + 2,
		);
		const start = keys.map((k): [string, number] => [k, rng.int(1, 5)]);
		// never the assigned key: a later assignment would hide what setdefault did
		const [key, value] = rng.pick(start.slice(1)) ?? ["", 0];
		return {
			dict: theme.dict,
			start,
			added: [added, rng.int(2, 6)],
			assigned: rng.int(6, 9),
			defaulted: [key, value + rng.int(1, 4)],
			missing: [missing, rng.pick([0, -1, null])],
			order: rng.shuffle(STEPS),
		};
	},
	build: ({ dict, start, added, assigned, defaulted, missing, order }) => {
		const [first = ""] = start[0] ?? [];
		const get = `${dict}.get("${missing[0]}"${missing[1] === null ? "" : `, ${missing[1]}`})`;
		const lines = {
			insert: `${dict}["${added[0]}"] = ${dict}.get("${added[0]}", 0) + ${added[1]}`,
			assign: `${dict}["${first}"] = ${assigned}`,
			setdefault: `${dict}.setdefault("${defaulted[0]}", ${defaulted[1]})`,
		};
		const program = (change: Partial<typeof lines> = {}, read = get) =>
			`${dict} = ${literal(start)}\n${order.map((step) => change[step] ?? lines[step]).join("\n")}\nprint(${read}, ${dict})\n`;
		const shownMissing = missing[1] === null ? "None" : String(missing[1]);
		return {
			code: program(),
			mistakes: [
				{
					misconception: `setdefault replaces the value of a key that is already there, so "${defaulted[0]}" becomes ${defaulted[1]}`,
					code: program({
						setdefault: `${dict}["${defaulted[0]}"] = ${defaulted[1]}`,
					}),
				},
				{
					misconception: `giving "${first}" a new value moves it to the end of the dict`,
					code: program({
						assign: `del ${dict}["${first}"]\n${dict}["${first}"] = ${assigned}`,
					}),
				},
				{
					misconception: `get adds the missing key "${missing[0]}" to the dict with its default`,
					code: program(
						{},
						`${dict}.setdefault("${missing[0]}"${missing[1] === null ? "" : `, ${missing[1]}`})`,
					),
				},
			],
			explain: (answer) =>
				`get returns the value of a key, or the default when the key is missing (None if none is given), and never changes the dict: ` +
				`${get} is ${shownMissing}, and ${dict}.get("${added[0]}", 0) + ${added[1]} stores ${added[1]} under the new key "${added[0]}", at the end. ` +
				`setdefault only sets a key that is missing; "${defaulted[0]}" is already there, so it keeps ${start.find(([k]) => k === defaulted[0])?.[1]}. ` +
				`Giving "${first}" the value ${assigned} changes it where it stands: a dict keeps the order in which keys were first inserted. It prints ${answer}.`,
		};
	},
});
