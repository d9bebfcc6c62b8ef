import type { Rng } from "../../rng.js";
import { defineFamily } from "../family.js";
import { ordinal } from "../prose.js";
import { chained, pair, type Subscript, slice } from "../python-subscripts.js";

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
const SHAPES = ["range", "negative", "step", "backwards", "index"] as const;

interface Params {
	word: string;
	variable: string;
	shape: (typeof SHAPES)[number];
	/** which way of writing the shape, e.g. `[-k:]` or `[:-k]` */
	form: number;
	a: number;
	b: number;
}

/** "character" or "3 characters", after "the last" or "the first" */
const chars = (k: number) => (k === 1 ? "character" : `${k} characters`);

interface Variant {
	code: Subscript;
	mistakes: { misconception: string; code: Subscript }[];
	why: string;
}

/** The snippet's subscript, the beliefs that misread it, and why it gives what it gives. */
function variant({ word, shape, form, a, b }: Params): Variant {
	const n = word.length;
	switch (shape) {
		case "range":
			return {
				code: slice(a, b),
				mistakes: [
					{
						misconception: "the stop index is included in the slice",
						code: slice(a, b + 1),
					},
					{
						misconception: "string positions are counted from 1",
						code: slice(a - 1, b - 1),
					},
					{
						misconception: "the second number is how many characters to take",
						code: slice(a, a + b),
					},
				],
				why: `[${a}:${b}] takes the characters from index ${a} up to, but not including, index ${b}; indexes start at 0, so that is ${b - a} characters`,
			};
		case "negative": {
			const counted = `-${a} counts from the end (-1 is the last character)`;
			if (form === 0)
				return {
					code: slice(-a, null),
					mistakes: [
						{
							misconception:
								"-1 is the position before the last character, so every negative index is one further left",
							code: slice(-a - 1, null),
						},
						{
							misconception:
								"the minus sign is ignored and the slice counts from the start",
							code: slice(a, null),
						},
						{
							misconception: `[-${a}:] leaves out the last ${chars(a)}`,
							code: slice(null, -a),
						},
					],
					why: `${counted}, so [-${a}:] takes the last ${chars(a)}`,
				};
			if (form === 1)
				return {
					code: slice(null, -a),
					mistakes: [
						{
							misconception:
								"-1 is the position before the last character, so every negative index is one further left",
							code: slice(null, -a - 1),
						},
						{
							misconception:
								"the minus sign is ignored and the slice counts from the start",
							code: slice(null, a),
						},
						{
							misconception: `[:-${a}] keeps only the last ${chars(a)}`,
							code: slice(-a, null),
						},
					],
					why: `${counted}, and the stop is not included, so [:-${a}] takes everything but the last ${chars(a)}`,
				};
			return {
				code: slice(b, -a),
				mistakes: [
					{
						misconception: "the stop index is included in the slice",
						code: slice(b, a === 1 ? null : -a + 1),
					},
					{
						misconception:
							"-1 is the position before the last character, so every negative index is one further left",
						code: slice(b, -a - 1),
					},
					{
						misconception:
							"the minus sign is ignored and the slice counts from the start",
						code: slice(b, a),
					},
				],
				why: `${counted}, so [${b}:-${a}] runs from index ${b} up to, but not including, index ${n - a}: it drops the first ${chars(b)} and the last ${chars(a)}`,
			};
		}
		case "step": {
			const start = form === 0 ? null : a;
			const stop = form === 2 ? a + 5 : null;
			const from = start ?? 0;
			return {
				code: slice(start, stop, b),
				mistakes: [
					{
						misconception: `the step ${b} is how many characters are skipped between two picks`,
						code: slice(start, stop, b + 1),
					},
					{
						misconception: `the first character is taken one step in, at index ${from + b}`,
						code: slice(from + b, stop, b),
					},
					stop === null
						? {
								misconception: `the step is how many characters to take`,
								code: slice(start, from + b),
							}
						: {
								misconception: "the stop index is included in the slice",
								code: slice(start, stop + 1, b),
							},
				],
				why: `a step of ${b} takes index ${from}, then every ${ordinal(b)} character after it (${from}, ${from + b}, ${from + 2 * b}…)${stop === null ? " to the end" : `, stopping before index ${stop}`}`,
			};
		}
		case "backwards":
			if (form === 0)
				return {
					code: slice(null, null, -b),
					mistakes: [
						{
							misconception: `[::-${b}] takes every ${ordinal(b)} character from the start and then reverses them`,
							code: chained(slice(null, null, b), slice(null, null, -1)),
						},
						{
							misconception: `the step ${b} is how many characters are skipped between two picks`,
							code: slice(null, null, -b - 1),
						},
						{
							misconception:
								"a negative step only reverses the string, whatever its size",
							code: slice(null, null, -1),
						},
					],
					why: `a negative step starts at the last character and goes left, so [::-${b}] takes index ${n - 1}, then every ${ordinal(b)} character before it`,
				};
			if (form === 1)
				return {
					code: slice(b, null, -1),
					mistakes: [
						{
							misconception: `[${b}::-1] reverses the part that starts at index ${b}`,
							code: chained(slice(b, null), slice(null, null, -1)),
						},
						{
							misconception:
								"the start index is not included, just as a stop index is not",
							code: slice(b - 1, null, -1),
						},
						{
							misconception: "with no stop, the slice stops before index 0",
							code: slice(b, 0, -1),
						},
					],
					why: `with a step of -1 the slice starts at index ${b} and walks left to the start of the string, so it is the first ${b + 1} characters reversed`,
				};
			return {
				code: slice(b, a, -1),
				mistakes: [
					{
						misconception: `[${b}:${a}:-1] takes [${a}:${b}] and reverses it`,
						code: chained(slice(a, b), slice(null, null, -1)),
					},
					{
						misconception: "the stop index is included in the slice",
						code: slice(b, a - 1, -1),
					},
					{
						misconception:
							"the start index is not included, just as a stop index is not",
						code: slice(b - 1, a, -1),
					},
				],
				why: `with a step of -1 the slice starts at index ${b}, included, and walks left, stopping before index ${a}`,
			};
		case "index":
			return {
				code: pair(a, -b),
				mistakes: [
					{
						misconception: "string positions are counted from 1",
						code: pair(a - 1, -b),
					},
					{
						misconception: `[-${b}] counts from 0 at the end, as [${b}] counts from 0 at the start`,
						code: pair(a, -b - 1),
					},
					{
						misconception:
							"the minus sign is ignored and the index counts from the start",
						code: pair(a, b),
					},
				],
				why: `[${a}] is the character at index ${a}, counting from 0, and [-${b}] is the ${b === 1 ? "last" : `${ordinal(b)} from the end`} (index ${n - b})`,
			};
	}
}

/** Draws the numbers for a shape; the caller rejects draws where two beliefs print the same. */
function draw(rng: Rng, word: string, shape: Params["shape"]) {
	const n = word.length;
	switch (shape) {
		case "range": {
			const a = rng.int(1, Math.min(4, n - 4));
			return { form: 0, a, b: a + rng.int(2, Math.min(4, n - 2 - a)) };
		}
		case "negative":
			return { form: rng.int(0, 2), a: rng.int(1, 4), b: rng.int(1, 3) };
		case "step":
			return { form: rng.int(0, 2), a: rng.int(1, 2), b: rng.int(2, 3) };
		case "backwards": {
			const form = rng.int(0, 2);
			return form === 0
				? { form, a: 0, b: rng.int(2, 3) }
				: { form, a: rng.int(1, 3), b: rng.int(4, n - 2) };
		}
		case "index":
			return { form: 0, a: rng.int(1, n - 2), b: rng.int(1, n - 2) };
	}
}

const distinct = (word: string, v: Variant) => {
	const outputs = [v.code, ...v.mistakes.map((m) => m.code)].map((s) =>
		s.of(word),
	);
	return (
		outputs.every((o) => o.trim() !== "") &&
		new Set(outputs).size === outputs.length
	);
};

export const stringSlicing = defineFamily<Params>({
	id: "python/string-slicing",
	language: "python",
	difficulty: "easy",
	title: "String slicing and indexing",
	topics: ["strings", "slicing", "indexing", "negative indexes"],
	params: (rng) => {
		const variable = rng.pick(VARIABLES);
		for (;;) {
			const word = rng.pick(WORDS);
			const shape = rng.pick(SHAPES);
			const p = { word, variable, shape, ...draw(rng, word, shape) };
			if (distinct(word, variant(p))) return p;
		}
	},
	build: (p) => {
		const { word, variable: v } = p;
		const { code, mistakes, why } = variant(p);
		const program = (s: Subscript) => {
			const shown = s.text.includes("|")
				? s.text
						.split("|")
						.map((i) => `${v}[${i}]`)
						.join(", ")
				: `${v}${s.text}`;
			return `${v} = "${word}"\nprint(${shown})\n`;
		};
		return {
			code: program(code),
			mistakes: mistakes.map((m) => ({
				misconception: m.misconception,
				code: program(m.code),
			})),
			explain: (answer) => `In "${word}", ${why}: ${answer}.`,
		};
	},
});
