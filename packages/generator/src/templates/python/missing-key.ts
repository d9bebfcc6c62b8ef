import { oneLine } from "../../sandbox/outcome-option.js";
import { belief } from "../belief.js";
import { defineFamily, type Mistake } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed } from "../prose.js";

const THEMES = [
	{
		dict: "stock",
		loop: "fruit",
		keys: ["pear", "fig", "lime", "plum", "kiwi", "date"],
	},
	{
		dict: "ages",
		loop: "name",
		keys: ["ann", "bob", "cy", "dee", "eve", "fay"],
	},
	{
		dict: "seats",
		loop: "city",
		keys: ["oslo", "rome", "lima", "kyiv", "bonn", "nice"],
	},
	{
		dict: "votes",
		loop: "colour",
		keys: ["red", "blue", "green", "gold", "pink", "teal"],
	},
	{
		dict: "prices",
		loop: "item",
		keys: ["tea", "jam", "rice", "milk", "salt", "eggs"],
	},
] as const;

interface Entry {
	key: string;
	value: number;
}

interface Params {
	dict: string;
	loop: string;
	entries: Entry[];
	/** the keys the loop looks up, in order: the dict's keys in some order, with `missing` among them */
	order: string[];
	/** the one looked-up key that is not in the dict; never first or last, so output comes before and after it */
	missing: string;
	/** `subscript`: dict[key], which raises; `get`: dict.get(key), which gives None */
	lookup: "subscript" | "get";
}

const literal = (entries: Entry[]) =>
	`{${entries.map(({ key, value }) => `"${key}": ${value}`).join(", ")}}`;

export const missingKey = defineFamily<Params>({
	id: "python/missing-key",
	idea: "py.dict-lookups",
	language: "python",
	difficulty: "easy",
	kind: "error",
	title: "A missing dictionary key",
	topics: ["dictionaries", "dict", "keyerror", "exceptions", "get"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		const size = rng.int(2, 4);
		const keys = rng.sample(theme.keys, size + 1);
		const missing = itemAt(keys, size);
		const present = rng.sample(keys.slice(0, size), rng.int(2, size));
		// the missing key sits between two present ones
		const at = rng.int(1, present.length - 1);
		const order = [...present.slice(0, at), missing, ...present.slice(at)];
		return {
			dict: theme.dict,
			loop: theme.loop,
			entries: keys
				.slice(0, size)
				.map((key) => ({ key, value: rng.int(1, 9) })),
			order,
			missing,
			lookup: rng.pick(["subscript", "get"] as const),
		};
	},
	build: ({ dict, loop, entries, order, missing, lookup }) => {
		const keys = `[${order.map((key) => `"${key}"`).join(", ")}]`;
		const read = {
			subscript: `${dict}[${loop}]`,
			get: `${dict}.get(${loop})`,
			zero: `${dict}.get(${loop}, 0)`,
		};
		const program = (
			value: string,
			{ guard = "", before = "" }: { guard?: string; before?: string } = {},
		) =>
			`${dict} = ${literal(entries)}\n${before}` +
			`for ${loop} in ${keys}:\n${guard}    print(${loop}, ${value})\nprint("all done")\n`;
		const skip = `    if ${loop} not in ${dict}:\n        continue\n`;
		const at = order.indexOf(missing);
		const before = order.slice(0, at).map((key) => `"${key}"`);
		const mistakes: Mistake[] =
			lookup === "subscript"
				? [
						{
							misconception: belief`a missing key such as "${missing}" gives None, as ${dict}.get("${missing}") does`,
							code: program(read.get),
						},
						{
							misconception: belief`the loop skips a key that is not in ${dict} and carries on`,
							code: program(read.subscript, { guard: skip }),
						},
						{
							misconception: belief`a missing key ends the loop quietly, and the program goes on to print "all done"`,
							code: program(read.subscript, {
								guard: `    if ${loop} not in ${dict}:\n        break\n`,
							}),
						},
						{
							misconception: belief`Python finds the missing key "${missing}" before the loop starts, so nothing is printed`,
							code: program(read.subscript, {
								before: `[${dict}[${loop}] for ${loop} in ${keys}]\n`,
							}),
						},
					]
				: [
						{
							misconception: belief`get raises KeyError for a missing key, as ${dict}["${missing}"] does`,
							code: program(read.subscript),
						},
						{
							misconception: belief`get gives 0 for a missing key when no default is passed`,
							code: program(read.zero),
						},
						{
							misconception: belief`get tells whether a key is in ${dict}, as \`${loop} in ${dict}\` does`,
							code: program(`${loop} in ${dict}`),
						},
						{
							misconception: belief`get leaves a missing key out, so the loop prints nothing for "${missing}"`,
							code: program(read.get, { guard: skip }),
						},
					];
		return {
			code: program(read[lookup]),
			mistakes,
			explain: (answer) =>
				lookup === "subscript"
					? `${dict}[${loop}] looks the key up and raises KeyError when it is not there. ` +
						`The loop prints ${listed(before)} with ${before.length === 1 ? "its value" : "their values"}, then "${missing}" is not in ${dict}: ` +
						`the KeyError ends the program there, so nothing after it is printed, not even "all done". ` +
						`${dict}.get(${loop}) would give None instead, and \`if ${loop} in ${dict}\` would skip it. ` +
						`What happens: “${oneLine(answer)}”.`
					: `${dict}.get(${loop}) gives the value of a key, or None when the key is missing; it never raises. ` +
						`So "${missing}" prints as None and the loop goes on to the end and prints "all done". ` +
						`Only ${dict}[${loop}] raises KeyError; get(${loop}, 0) would give 0. ` +
						`What happens: “${oneLine(answer)}”.`,
		};
	},
});
