import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { agree, counted } from "../prose.js";

const WORDS = [
	"tea",
	"milk",
	"sugar",
	"salt",
	"rice",
	"eggs",
	"bread",
	"jam",
	"oats",
	"honey",
	"lime",
	"figs",
];
const SEPARATORS = [",", ";", "|", "/"];
const JOINERS = ["+", "-", " ", "."];
const NAMES = [
	["line", "items"],
	["text", "parts"],
	["row", "fields"],
	["record", "cells"],
	["entry", "pieces"],
] as const;

interface Params {
	names: readonly [string, string];
	/** the fields, one of them empty (two separators in a row) */
	fields: string[];
	sep: string;
	/** null: print the list itself; otherwise the string that joins it */
	joiner: string | null;
	lead: number;
	trail: number;
	target: string;
}

export const stringMethods = defineFamily<Params>({
	id: "python/string-methods",
	idea: "py.string-methods",
	language: "python",
	difficulty: "easy",
	title: "String methods: strip, split, join and find",
	topics: ["strings", "string methods", "split", "join", "find"],
	params: (rng) => {
		const words = rng.sample(WORDS, rng.int(3, 4));
		const fields = [...words];
		fields.splice(rng.int(1, words.length - 1), 0, "");
		return {
			names: rng.pick(NAMES),
			fields,
			sep: rng.pick(SEPARATORS),
			joiner: rng.bool() ? null : rng.pick(JOINERS),
			// at least one leading space, so searching the stripped text gives another index
			lead: rng.int(1, 3),
			trail: rng.int(0, 2),
			target: rng.pick(words),
		};
	},
	build: ({
		names: [line, items],
		fields,
		sep,
		joiner,
		lead,
		trail,
		target,
	}) => {
		const raw = " ".repeat(lead) + fields.join(sep) + " ".repeat(trail);
		const shown = joiner === null ? items : `"${joiner}".join(${items})`;
		const program = (split: string, find = `${line}.find("${target}")`) =>
			`${line} = "${raw}"\n${split}\nprint(len(${items}), ${shown}, ${find})\n`;
		const split = `${items} = ${line}.strip().split("${sep}")`;
		const index = raw.indexOf(target);
		const stripped = fields.join(sep);
		const joined = joiner === null ? null : fields.join(joiner);
		return {
			code: program(split),
			mistakes: [
				{
					misconception: belief`split("${sep}") drops the empty piece between two separators in a row, as split() with no argument drops extra spaces`,
					code: program(
						`${items} = [p for p in ${line}.strip().split("${sep}") if p]`,
					),
				},
				{
					misconception: belief`find counts positions from 1`,
					code: program(split, `${line}.find("${target}") + 1`),
				},
				{
					misconception: belief`${line}.strip() changes ${line} itself, so find then searches the stripped text`,
					code: program(
						`${line} = ${line}.strip()\n${items} = ${line}.split("${sep}")`,
					),
				},
			],
			explain: (answer) =>
				`${line}.strip() returns a new string without the spaces at ${trail ? "both ends" : "its start"}; ${line} itself does not change, because strings are immutable. ` +
				`split("${sep}") cuts at every "${sep}", and the two separators in a row leave an empty string between them, so ${items} has ${fields.length} pieces. ` +
				(joiner === null
					? ""
					: `"${joiner}".join(${items}) puts "${joiner}" between every two pieces, the empty one included. `) +
				`${line}.find("${target}") searches the original ${line}, whose ${counted(lead, "leading space")} ${agree(lead, "counts", "count")}, and gives the index of the first match, counted from 0: ${index}. ` +
				`It prints ${answer}.`,
			trace: [
				`${line}.strip() → "${stripped}"`,
				`.split("${sep}") → [${fields.map((f) => `'${f}'`).join(", ")}], ${counted(fields, "piece")}`,
				...(joined === null
					? []
					: [`"${joiner}".join(${items}) → "${joined}"`]),
				`${line}.find("${target}") in "${raw}" → ${index}`,
			],
		};
	},
});
