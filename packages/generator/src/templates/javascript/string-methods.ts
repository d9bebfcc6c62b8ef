import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { agree, counted } from "../prose.js";

const WORDS = [
	"notebook",
	"calendar",
	"mountain",
	"painting",
	"elephant",
	"treasure",
	"umbrella",
	"football",
	"chocolate",
	"pineapple",
	"raspberry",
	"adventure",
	"blackboard",
	"television",
	"newspaper",
	"basketball",
];
const NAMES = ["word", "text", "title", "label", "name"];
const TERMS = ["slice", "substring", "indexOf", "padStart"] as const;

type Term = (typeof TERMS)[number];

interface Params {
	name: string;
	word: string;
	terms: Term[];
	/** slice(-tail) */
	tail: number;
	/** substring(from, to), with from > to */
	from: number;
	to: number;
	/** indexOf(letter, start), with the letter also found before start */
	letter: string;
	start: number;
	/** String(number).padStart(width, "0") */
	number: number;
	width: number;
}

/** A letter that appears twice, and a start between its first and second appearance. */
function drawSearch(rng: Rng, word: string) {
	const repeated = [...new Set(word)].filter(
		(c) => word.indexOf(c) !== word.lastIndexOf(c),
	);
	const letter = rng.pick(repeated);
	const first = word.indexOf(letter);
	const second = word.indexOf(letter, first + 1);
	return { letter, start: rng.int(first + 1, second) };
}

export const stringMethods = defineFamily<Params>({
	id: "javascript/string-methods",
	idea: "js.string-methods",
	language: "javascript",
	difficulty: "easy",
	title: "String methods: slice, substring, indexOf and padStart",
	topics: ["strings", "string methods", "slice", "substring", "padding"],
	params: (rng) => {
		const word = rng.pick(WORDS);
		const to = rng.int(1, 3);
		const number = rng.int(1, 99);
		return {
			name: rng.pick(NAMES),
			word,
			terms: rng.sample(TERMS, 3),
			tail: rng.int(2, 4),
			from: rng.int(to + 2, to + 4),
			to,
			...drawSearch(rng, word),
			number,
			width: String(number).length + rng.int(1, 3),
		};
	},
	build: (p) => {
		const { name, word, terms, tail, from, to, letter, start, number, width } =
			p;
		const calls: Record<Term, string> = {
			slice: `${name}.slice(-${tail})`,
			substring: `${name}.substring(${from}, ${to})`,
			indexOf: `${name}.indexOf("${letter}", ${start})`,
			padStart: `String(${number}).padStart(${width}, "0")`,
		};
		const wrong: Record<Term, { misconception: Belief; call: string }> = {
			slice: {
				misconception: belief`slice treats a negative index as 0, as substring does, so ${calls.slice} is the whole string`,
				call: `${name}.substring(-${tail})`,
			},
			substring: {
				misconception: belief`substring gives an empty string when the start is after the end, as slice does`,
				call: `${name}.slice(${from}, ${to})`,
			},
			indexOf: {
				misconception: belief`indexOf finds the first "${letter}" in ${name} whatever its second argument says`,
				call: `${name}.indexOf("${letter}")`,
			},
			padStart: {
				misconception: belief`padStart(${width}) adds ${width} characters, rather than padding to a length of ${width}`,
				call: `String(${number}).padStart(${String(number).length + width}, "0")`,
			},
		};
		const program = (change?: Term) =>
			`const ${name} = "${word}";\nconsole.log([${terms.map((t) => (t === change ? wrong[t].call : calls[t])).join(", ")}]);\n`;
		const why: Record<Term, string> = {
			slice: `slice(-${tail}) counts ${tail} back from the end, giving "${word.slice(-tail)}"`,
			substring: `substring swaps its arguments when the first is larger, so substring(${from}, ${to}) is substring(${to}, ${from}): "${word.substring(to, from)}"`,
			indexOf: `indexOf("${letter}", ${start}) starts searching at index ${start}, so it skips the "${letter}" at ${word.indexOf(letter)} and finds the one at ${word.indexOf(letter, start)}`,
			padStart: `padStart(${width}, "0") adds zeros in front until the string is ${width} characters long: "${String(number).padStart(width, "0")}"`,
		};
		const digits = String(number).length;
		const step: Record<Term, string> = {
			slice: `the last ${counted(tail, "character")} → "${word.slice(-tail)}"`,
			substring: `read as substring(${to}, ${from}) → "${word.substring(to, from)}"`,
			indexOf: `the search starts at index ${start}, past the "${letter}" at ${word.indexOf(letter)} → ${word.indexOf(letter, start)}`,
			padStart: `"${number}" has ${counted(digits, "character")}, so ${counted(width - digits, "zero")} ${agree(width - digits, "goes", "go")} in front → "${String(number).padStart(width, "0")}"`,
		};
		return {
			code: program(),
			mistakes: terms.map((t) => ({
				misconception: wrong[t].misconception,
				code: program(t),
			})),
			explain: (answer) =>
				`${terms.map((t) => why[t]).join("; ")}. Indexes count from 0. It prints ${answer}.`,
			trace: terms.map((t) => `${calls[t]}: ${step[t]}`),
		};
	},
});
