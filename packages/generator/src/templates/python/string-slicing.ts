import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { ordinal, counted as withCount } from "../prose.js";
import {
	chained,
	indexThenSlice,
	pair,
	type Subscript,
	slice,
} from "../python-subscripts.js";

const WORDS = (
	"pythonic sandwich keyboard triangle elephant workshop notebook " +
	"language mountain calendar painting dinosaur umbrella sunshine " +
	"aquarium treasure blanket chimney dolphin factory giraffe harvest " +
	"jukebox lantern monarch orchids pumpkin quantum rainbow sparkle " +
	"volcano whisker backpack compiler daylight feedback gradient horizons " +
	"junction lighting magnetic outbound portable skeleton vertical " +
	"wildfire"
).split(" ");
const VARIABLES = ["word", "text", "s", "name"];

/** The two numbers a subscript is written with; which of them it shows depends on the variant. */
interface Numbers {
	a: number;
	b: number;
}

/** What the snippet's subscript shows, the beliefs that misread it, and why it gives what it gives. */
interface Reading {
	code: Subscript;
	mistakes: { misconception: Belief; code: Subscript }[];
	why: string;
}

/** One way of writing a subscript. */
interface SliceVariant {
	/** draws its numbers for a word of this length (the caller rejects draws where two beliefs print the same) */
	draw(rng: Rng, length: number): Numbers;
	read(numbers: Numbers, length: number): Reading;
}

/** "character" or "3 characters", after "the last" or "the first" */
const chars = (k: number) =>
	k === 1 ? "character" : withCount(k, "character");

const STOP_INCLUDED = belief`the stop index is included in the slice`;
const COUNTED_FROM_ONE = belief`string positions are counted from 1`;
const ONE_FURTHER_LEFT = belief`negative positions count from 0 at the end, as positive ones do from the start, so -1 is the next-to-last character`;
const MINUS_REVERSES = belief`a minus sign in a slice makes it run backwards, as the -1 in [::-1] does, so the characters come out reversed`;
const START_EXCLUDED = belief`the start index is not included, just as a stop index is not`;
const counted = (a: number) =>
	`-${a} counts from the end (-1 is the last character)`;

// b is drawn even where the subscript does not show it: the draws fix which challenge a seed gives
const negativeNumbers = (rng: Rng): Numbers => ({
	a: rng.int(1, 4),
	b: rng.int(1, 3),
});
const stepNumbers = (rng: Rng): Numbers => ({
	a: rng.int(1, 2),
	b: rng.int(2, 3),
});
const windowNumbers = (rng: Rng, length: number): Numbers => ({
	a: rng.int(1, 3),
	b: rng.int(4, length - 2),
});

/** `[start:stop:b]` with a positive step, written with or without its start and stop. */
function stepped(start: number | null, stop: number | null, b: number) {
	const from = start ?? 0;
	return {
		code: slice(start, stop, b),
		mistakes: [
			{
				misconception: belief`the step ${b} is how many characters are skipped between two picks`,
				code: slice(start, stop, b + 1),
			},
			{
				misconception: belief`a step of ${b} moves ahead before it takes anything, so the first character taken is at index ${from + b}`,
				code: slice(from + b, stop, b),
			},
			stop === null
				? {
						misconception:
							start === null
								? belief`the empty slot between the colons does not count, so [::${b}] means [:${b}], the first ${chars(b)}`
								: belief`[${start}::${b}] takes ${b} characters from index ${start}, as substr(${start}, ${b}) does in JavaScript or PHP`,
						code: slice(start, from + b),
					}
				: {
						misconception: STOP_INCLUDED,
						code: slice(start, stop + 1, b),
					},
		],
		why: `a step of ${b} takes index ${from}, then every ${ordinal(b)} character after it (${from}, ${from + b}, ${from + 2 * b}…)${stop === null ? " to the end" : `, stopping before index ${stop}`}`,
	};
}

const VARIANTS = {
	/** `[a:b]` */
	range: {
		draw: (rng, n) => {
			const a = rng.int(1, Math.min(4, n - 4));
			return { a, b: a + rng.int(2, Math.min(4, n - 2 - a)) };
		},
		read: ({ a, b }) => ({
			code: slice(a, b),
			mistakes: [
				{ misconception: STOP_INCLUDED, code: slice(a, b + 1) },
				{ misconception: COUNTED_FROM_ONE, code: slice(a - 1, b - 1) },
				{
					misconception: belief`the second number is a length, as in substr(${a}, ${b}) in JavaScript or PHP, so [${a}:${b}] takes ${b} characters`,
					code: slice(a, a + b),
				},
			],
			why: `[${a}:${b}] takes the characters from index ${a} up to, but not including, index ${b}; indexes start at 0, so that is ${b - a} characters`,
		}),
	},
	/** `[-a:]` */
	lastChars: {
		draw: negativeNumbers,
		read: ({ a }) => ({
			code: slice(-a, null),
			mistakes: [
				{ misconception: ONE_FURTHER_LEFT, code: slice(-a - 1, null) },
				{
					misconception: MINUS_REVERSES,
					code: chained(slice(-a, null), slice(null, null, -1)),
				},
				{
					misconception: belief`[-${a}:] leaves out the last ${chars(a)}`,
					code: slice(null, -a),
				},
			],
			why: `${counted(a)}, so [-${a}:] takes the last ${chars(a)}`,
		}),
	},
	/** `[:-a]` */
	allButLast: {
		draw: negativeNumbers,
		read: ({ a }) => ({
			code: slice(null, -a),
			mistakes: [
				{ misconception: ONE_FURTHER_LEFT, code: slice(null, -a - 1) },
				{
					misconception: MINUS_REVERSES,
					code: chained(slice(null, -a), slice(null, null, -1)),
				},
				{
					misconception: belief`[:-${a}] keeps only the last ${chars(a)}`,
					code: slice(-a, null),
				},
			],
			why: `${counted(a)}, and the stop is not included, so [:-${a}] takes everything but the last ${chars(a)}`,
		}),
	},
	/** `[b:-a]` */
	trimBothEnds: {
		draw: negativeNumbers,
		read: ({ a, b }, n) => ({
			code: slice(b, -a),
			mistakes: [
				{
					misconception: STOP_INCLUDED,
					code: slice(b, a === 1 ? null : -a + 1),
				},
				{ misconception: ONE_FURTHER_LEFT, code: slice(b, -a - 1) },
				{
					misconception: MINUS_REVERSES,
					code: chained(slice(b, -a), slice(null, null, -1)),
				},
			],
			why: `${counted(a)}, so [${b}:-${a}] runs from index ${b} up to, but not including, index ${n - a}: it drops the first ${chars(b)} and the last ${chars(a)}`,
		}),
	},
	/** `[::b]` */
	stepFromStart: { draw: stepNumbers, read: ({ b }) => stepped(null, null, b) },
	/** `[a::b]` */
	stepFromIndex: { draw: stepNumbers, read: ({ a, b }) => stepped(a, null, b) },
	/** `[a:a+5:b]` */
	stepWithin: { draw: stepNumbers, read: ({ a, b }) => stepped(a, a + 5, b) },
	/** `[::-b]` */
	backwardsStep: {
		draw: (rng) => ({ a: 0, b: rng.int(2, 3) }),
		read: ({ b }, n) => ({
			code: slice(null, null, -b),
			mistakes: [
				{
					misconception: belief`[::-${b}] takes every ${ordinal(b)} character from the start and then reverses them`,
					code: chained(slice(null, null, b), slice(null, null, -1)),
				},
				{
					misconception: belief`the step ${b} is how many characters are skipped between two picks`,
					code: slice(null, null, -b - 1),
				},
				{
					misconception: belief`a negative step only reverses the string, whatever its size`,
					code: slice(null, null, -1),
				},
			],
			why: `a negative step starts at the last character and goes left, so [::-${b}] takes index ${n - 1}, then every ${ordinal(b)} character before it`,
		}),
	},
	/** `[b::-1]` */
	backwardsFromIndex: {
		draw: windowNumbers,
		read: ({ b }) => ({
			code: slice(b, null, -1),
			mistakes: [
				{
					misconception: belief`[${b}::-1] reverses the part that starts at index ${b}`,
					code: chained(slice(b, null), slice(null, null, -1)),
				},
				{ misconception: START_EXCLUDED, code: slice(b - 1, null, -1) },
				{
					misconception: belief`with no stop, the slice stops before index 0`,
					code: slice(b, 0, -1),
				},
			],
			why: `with a step of -1 the slice starts at index ${b} and walks left to the start of the string, so it is the first ${b + 1} characters reversed`,
		}),
	},
	/** `[b:a:-1]` */
	backwardsWithin: {
		draw: windowNumbers,
		read: ({ a, b }) => ({
			code: slice(b, a, -1),
			mistakes: [
				{
					misconception: belief`[${b}:${a}:-1] takes [${a}:${b}] and reverses it`,
					code: chained(slice(a, b), slice(null, null, -1)),
				},
				{ misconception: STOP_INCLUDED, code: slice(b, a - 1, -1) },
				{ misconception: START_EXCLUDED, code: slice(b - 1, a, -1) },
			],
			why: `with a step of -1 the slice starts at index ${b}, included, and walks left, stopping before index ${a}`,
		}),
	},
	/** `[a], [-b]` */
	indexPair: {
		draw: (rng, n) => ({ a: rng.int(1, n - 2), b: rng.int(1, n - 2) }),
		read: ({ a, b }, n) => ({
			code: pair(a, -b),
			mistakes: [
				{ misconception: COUNTED_FROM_ONE, code: pair(a - 1, -b) },
				{
					misconception: belief`[-${b}] counts from 0 at the end, as [${b}] counts from 0 at the start`,
					code: pair(a, -b - 1),
				},
				{
					misconception: belief`[-${b}] gives the last ${chars(b)}, as the slice [-${b}:] does`,
					code: indexThenSlice(a, -b),
				},
			],
			why: `[${a}] is the character at index ${a}, counting from 0, and [-${b}] is the ${b === 1 ? "last" : `${ordinal(b)} from the end`} (index ${n - b})`,
		}),
	},
} satisfies Record<string, SliceVariant>;

type VariantName = keyof typeof VARIANTS;

/**
 * The kinds of subscript, each with its ways of writing it: a kind is drawn first, so that each is
 * as likely however many ways it has, and a kind with one way draws nothing more.
 */
const SHAPES: readonly (readonly [VariantName, ...VariantName[]])[] = [
	["range"],
	["lastChars", "allButLast", "trimBothEnds"],
	["stepFromStart", "stepFromIndex", "stepWithin"],
	["backwardsStep", "backwardsFromIndex", "backwardsWithin"],
	["indexPair"],
];

interface Params extends Numbers {
	word: string;
	variable: string;
	variant: VariantName;
}

const read = (p: Params) => VARIANTS[p.variant].read(p, p.word.length);

const distinct = (word: string, reading: Reading) => {
	const outputs = [reading.code, ...reading.mistakes.map((m) => m.code)].map(
		(s) => s.of(word),
	);
	return (
		outputs.every((o) => o.trim() !== "") &&
		new Set(outputs).size === outputs.length
	);
};

export const stringSlicing = defineFamily<Params>({
	id: "python/string-slicing",
	idea: "py.slicing",
	language: "python",
	difficulty: "easy",
	title: "String slicing and indexing",
	topics: ["strings", "slicing", "indexing", "negative indexes"],
	params: (rng) => {
		const variable = rng.pick(VARIABLES);
		for (;;) {
			const word = rng.pick(WORDS);
			const [first, ...others] = rng.pick(SHAPES);
			const variant =
				others.length === 0 ? first : rng.pick([first, ...others]);
			const numbers = VARIANTS[variant].draw(rng, word.length);
			const p = { word, variable, variant, ...numbers };
			if (distinct(word, read(p))) return p;
		}
	},
	build: (p) => {
		const { word, variable: v } = p;
		const { code, mistakes, why } = read(p);
		const program = (s: Subscript) => `${v} = "${word}"\nprint(${s.show(v)})\n`;
		// the subscript applied to characters that name their own index tells which indexes it takes
		const marks = Array.from(word, (_, i) => String.fromCharCode(0xe000 + i));
		const taken = (text: string) =>
			Array.from(text.replace(/ /g, ""), (c) => c.charCodeAt(0) - 0xe000);
		const indexes = taken(code.of(marks.join("")));
		const negative = /\[[^\]]*-/.test(code.show(v));
		const result = code.of(word);
		return {
			code: program(code),
			mistakes: mistakes.map((m) => ({
				misconception: m.misconception,
				code: program(m.code),
			})),
			explain: (answer) => `In "${word}", ${why}: ${answer}.`,
			trace: [
				`${v} = "${word}": ${Array.from(word, (c, i) => `${c} ${i}`).join(", ")}`,
				...(negative
					? [
							`from the end: ${Array.from(
								word,
								(c, i) => `${c} ${i - word.length}`,
							)
								.reverse()
								.join(", ")}`,
						]
					: []),
				p.variant === "indexPair"
					? `${code.show(v)} → indexes ${indexes.join(" and ")} → ${result}`
					: `${code.show(v)} takes ${indexes.length === 1 ? "index" : "indexes"} ${indexes.join(", ")} → "${result}"`,
			],
		};
	},
});
