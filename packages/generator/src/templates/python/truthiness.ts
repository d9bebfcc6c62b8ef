import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { listed, noun, numberWord } from "../prose.js";

const FALSY_EMPTY = ["0", "0.0", '""', "[]", "{}", "()"];
const FALSY_NONE = ["None", "False"];
const SPELLED_FALSE = ['"0"', '"False"', '"None"'];
const FALSY_INSIDE = ["[0]", "[[]]", "(0,)", '[""]', "[None]", "{0: 0}"];
const TRUTHY = ["7", "-1", '"no"', "0.5", "[1, 2]", '"ok"'];
const NAMES = [
	["values", "kept"],
	["items", "truthy"],
	["inputs", "passed"],
	["answers", "real"],
] as const;

/** Why a literal is truthy or falsy, in a few words. */
function reason(literal: string): string {
	if (literal === "None" || literal === "False") return literal;
	if (/^-?\d/.test(literal))
		return Number(literal) === 0 ? "zero" : "a non-zero number";
	if (literal.startsWith('"'))
		return literal === '""' ? "an empty string" : "a non-empty string";
	const kind = literal.startsWith("[")
		? "list"
		: literal.startsWith("(")
			? "tuple"
			: "dict";
	const inner = literal.slice(1, -1).replace(/,$/, "").trim();
	if (inner === "") return `an empty ${kind}`;
	const items = kind === "dict" ? 1 : inner.split(", ").length;
	return `a ${kind} of ${numberWord(items)} ${noun(items, "item")}`;
}

interface Params {
	names: readonly [string, string];
	values: string[];
}

const isFalsy = (literal: string) =>
	FALSY_EMPTY.includes(literal) || FALSY_NONE.includes(literal);

export const truthiness = defineFamily<Params>({
	id: "python/truthiness",
	idea: "py.truthiness",
	language: "python",
	difficulty: "easy",
	title: "Truthy and falsy values",
	topics: ["truthiness", "booleans", "conditions", "lists"],
	params: (rng) => {
		const values = [
			rng.pick(SPELLED_FALSE),
			rng.pick(FALSY_INSIDE),
			rng.pick(FALSY_EMPTY),
			rng.pick([...FALSY_EMPTY, ...FALSY_NONE]),
			...rng.sample(TRUTHY, rng.int(1, 2)),
		];
		return {
			names: rng.pick(NAMES),
			values: rng.shuffle([...new Set(values)]),
		};
	},
	build: ({ names: [list, kept], values }) => {
		const spelled = values.find((v) => SPELLED_FALSE.includes(v));
		const inside = values.find((v) => FALSY_INSIDE.includes(v));
		// a belief that one value is falsy swaps that value for None, which every condition drops,
		// rather than editing the condition: the beliefs then edit apart and combine
		const program = (condition: string, falsy?: string) =>
			`${list} = [${values.map((v) => (v === falsy ? "None" : v)).join(", ")}]\n${kept} = [v for v in ${list} if ${condition}]\nprint(${kept})\n`;
		const dropped = values.filter(isFalsy);
		return {
			code: program("v"),
			mistakes: [
				{
					misconception: belief`a string that spells a false value, such as "0", "False" or "None", is falsy`,
					code: program("v", spelled),
				},
				{
					misconception: belief`a list, tuple or dict is falsy when everything inside it is falsy`,
					code: program("v", inside),
				},
				{
					misconception: belief`only None and False are falsy, so zero and empty values are kept`,
					code: program("v is not None and v is not False"),
				},
			],
			explain: (answer) =>
				`In a condition Python treats zero, empty strings, empty containers, None and False as false, and everything else as true. ` +
				`So the comprehension drops ${listed(dropped)} and keeps the rest: a non-empty string is true whatever it spells, so ${spelled} stays, ` +
				`and a non-empty container is true whatever it holds, so ${inside} stays. It prints ${answer}.`,
			trace: values.map((v) =>
				isFalsy(v)
					? `${v} is falsy (${reason(v)}): dropped`
					: `${v} is truthy (${reason(v)}): kept`,
			),
		};
	},
});
