import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";

const THEMES = [
	{ dict: "stock", keys: ["pear", "fig", "lime", "plum", "kiwi", "date"] },
	{ dict: "votes", keys: ["red", "blue", "green", "gold", "pink", "teal"] },
	{ dict: "scores", keys: ["ann", "bob", "cy", "dee", "eve", "fay"] },
	{ dict: "seats", keys: ["oslo", "rome", "lima", "kyiv", "bonn", "nice"] },
] as const;
const STEPS = ["insert", "assign", "setdefault"] as const;

interface Entry {
	key: string;
	value: number;
}

interface Params {
	dict: string;
	/** the starting entries */
	start: Entry[];
	/** a key not in the dict, added through get(key, 0) + value */
	added: Entry;
	/** the new value of the first starting key */
	assigned: number;
	/** another starting key, with the value it keeps and the one setdefault offers it */
	defaulted: { key: string; kept: number; offered: number };
	/** a missing key read with get, and the default given (null: no default) */
	missing: { key: string; fallback: number | null };
	order: (typeof STEPS)[number][];
}

const literal = (entries: Entry[]) =>
	`{${entries.map(({ key, value }) => `"${key}": ${value}`).join(", ")}}`;

export const dictMethods = defineFamily<Params>({
	id: "python/dict-methods",
	idea: "py.dict-lookups",
	language: "python",
	difficulty: "easy",
	title: "Dictionary get, setdefault and key order",
	topics: ["dictionaries", "dict", "get", "setdefault", "ordering"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		const size = rng.int(2, 3);
		const keys = rng.sample(theme.keys, size + 2);
		const start = keys
			.slice(2)
			.map((key): Entry => ({ key, value: rng.int(1, 5) }));
		// never the assigned key: a later assignment would hide what setdefault did
		const defaulted = rng.pick(start.slice(1));
		return {
			dict: theme.dict,
			start,
			added: { key: itemAt(keys, 0), value: rng.int(2, 6) },
			assigned: rng.int(6, 9),
			defaulted: {
				key: defaulted.key,
				kept: defaulted.value,
				offered: defaulted.value + rng.int(1, 4),
			},
			missing: { key: itemAt(keys, 1), fallback: rng.pick([0, -1, null]) },
			order: rng.shuffle(STEPS),
		};
	},
	build: ({ dict, start, added, assigned, defaulted, missing, order }) => {
		const first = itemAt(start, 0).key;
		const fallback = missing.fallback === null ? "" : `, ${missing.fallback}`;
		const get = `${dict}.get("${missing.key}"${fallback})`;
		const lines = {
			insert: `${dict}["${added.key}"] = ${dict}.get("${added.key}", 0) + ${added.value}`,
			assign: `${dict}["${first}"] = ${assigned}`,
			setdefault: `${dict}.setdefault("${defaulted.key}", ${defaulted.offered})`,
		};
		const program = (change: Partial<typeof lines> = {}, read = get) =>
			`${dict} = ${literal(start)}\n${order.map((step) => change[step] ?? lines[step]).join("\n")}\nprint(${read}, ${dict})\n`;
		const shownMissing =
			missing.fallback === null ? "None" : String(missing.fallback);
		// the dict after each step, as Python prints it
		const entries = start.map((entry) => ({ ...entry }));
		const shown = () =>
			`{${entries.map(({ key, value }) => `'${key}': ${value}`).join(", ")}}`;
		const step = {
			insert: () => {
				entries.push({ ...added });
				return `${dict}["${added.key}"] = 0 + ${added.value} → ${shown()}`;
			},
			assign: () => {
				itemAt(entries, 0).value = assigned;
				return `${dict}["${first}"] = ${assigned} → ${shown()}`;
			},
			setdefault: () =>
				`${dict}.setdefault("${defaulted.key}", ${defaulted.offered}): "${defaulted.key}" is there, so it stays ${defaulted.kept}`,
		};
		const trace = [
			...order.map((name) => step[name]()),
			`${get} → ${shownMissing}, and ${dict} is unchanged`,
		];
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`setdefault replaces the value of a key that is already there, so "${defaulted.key}" becomes ${defaulted.offered}`,
					code: program({
						setdefault: `${dict}["${defaulted.key}"] = ${defaulted.offered}`,
					}),
				},
				{
					misconception: belief`giving "${first}" a new value moves it to the end of the dict`,
					code: program({
						assign: `del ${dict}["${first}"]\n${dict}["${first}"] = ${assigned}`,
					}),
				},
				{
					misconception: belief`get adds the missing key "${missing.key}" to the dict with its default`,
					code: program({}, `${dict}.setdefault("${missing.key}"${fallback})`),
				},
			],
			explain: (answer) =>
				`get returns the value of a key, or the default when the key is missing (None if none is given), and never changes the dict: ` +
				`${get} is ${shownMissing}, and ${dict}.get("${added.key}", 0) + ${added.value} stores ${added.value} under the new key "${added.key}", at the end. ` +
				`setdefault only sets a key that is missing; "${defaulted.key}" is already there, so it keeps ${defaulted.kept}. ` +
				`Giving "${first}" the value ${assigned} changes it where it stands: a dict keeps the order in which keys were first inserted. It prints ${answer}.`,
			trace,
		};
	},
});
