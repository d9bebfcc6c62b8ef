import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { threeOf } from "../item-at.js";

/** One conversion whose result surprises: the call, what a learner expects it to give, and why it gives what it does. */
interface Conversion {
	call: string;
	/** the value the learner predicts, as a literal */
	expected: string;
	belief: Belief;
	why: string;
	/** the step the call takes, and the value it gives, as console.log prints it */
	step: string;
}

/** Each kind draws its values; an instance takes three different kinds. */
const KINDS: readonly ((rng: Rng) => Conversion)[] = [
	(rng) => {
		const n = rng.int(2, 99);
		const prefix = rng.pick(["$", "#", "x", "No"]);
		return {
			call: `parseInt("${prefix}${n}")`,
			expected: String(n),
			belief: belief`parseInt skips the "${prefix}" and finds the digits after it`,
			why: `parseInt must find digits at the start (after any spaces or sign), and "${prefix}${n}" starts with "${prefix}", so it gives NaN`,
			step: `"${prefix}" is not a digit, so no number starts the string → NaN`,
		};
	},
	(rng) => {
		const a = rng.int(2, 99);
		const b = rng.int(2, 99);
		return {
			call: `Number("${a} ${b}")`,
			expected: String(a),
			belief: belief`Number("${a} ${b}") reads the first number, ${a}, and stops at the space`,
			why: `Number needs the whole string, apart from spaces around it, to be one number, so "${a} ${b}" gives NaN`,
			step: "two numbers with a space between are not one number → NaN",
		};
	},
	(rng) => {
		const n = rng.int(2, 99);
		const unit = rng.pick(["px", "kg", "em", "cm"]);
		return {
			call: `parseInt("${n}${unit}")`,
			expected: "NaN",
			belief: belief`parseInt gives NaN for "${n}${unit}", since it has letters in it`,
			why: `parseInt reads digits from the start and stops at the first character that is not one, so "${n}${unit}" gives ${n}`,
			step: `reads "${n}", stops at "${unit.charAt(0)}" → ${n}`,
		};
	},
	(rng) => {
		const n = rng.int(2, 99);
		const unit = rng.pick(["px", "kg", "em", "cm"]);
		return {
			call: `Number("${n}${unit}")`,
			expected: String(n),
			belief: belief`Number reads the leading digits of "${n}${unit}" and drops the rest, as parseInt does`,
			why: `Number needs the whole string to be a number, so "${n}${unit}" gives NaN`,
			step: `"${unit}" cannot be part of a number → NaN`,
		};
	},
	(rng) => {
		const text = rng.pick(['""', '" "', '"\\n"']);
		return {
			call: `Number(${text})`,
			expected: "NaN",
			belief: belief`Number(${text}) is NaN, since there is no number in it`,
			why: "Number turns an empty or all-space string into 0",
			step: "an empty or all-blank string counts as 0 → 0",
		};
	},
	(rng) => {
		const whole = rng.int(1, 9);
		const fraction = rng.pick([5, 6, 7, 8, 9]) * 10 + rng.int(0, 9);
		return {
			call: `parseInt("${whole}.${fraction}")`,
			expected: String(whole + 1),
			belief: belief`parseInt("${whole}.${fraction}") rounds to the nearest whole number`,
			why: `parseInt stops at the dot, so "${whole}.${fraction}" gives ${whole}: it cuts the fraction off, it does not round`,
			step: `reads "${whole}", stops at the dot → ${whole}`,
		};
	},
	(rng) => {
		const n = rng.int(1, 9);
		const exponent = rng.int(2, 3);
		return {
			call: `parseInt("${n}e${exponent}")`,
			expected: String(n * 10 ** exponent),
			belief: belief`parseInt reads "${n}e${exponent}" in exponent notation, as ${n * 10 ** exponent}`,
			why: `parseInt stops at the letter e, so "${n}e${exponent}" gives ${n}`,
			step: `reads "${n}", stops at "e" → ${n}`,
		};
	},
	(rng) => {
		const value = rng.pick(["null", "false", "[]"]);
		return {
			call: `Number(${value})`,
			expected: "NaN",
			belief: belief`Number(${value}) is NaN, as Number(undefined) is`,
			why: `Number(${value}) is 0`,
			step:
				value === "[]"
					? '[] becomes its text "", and "" counts as 0 → 0'
					: `${value} counts as 0 → 0`,
		};
	},
	(rng) => {
		const n = rng.int(1, 9);
		const digits = rng.pick([1, 2, 3, 5, 7, 9, 14, 25, 75]);
		const more = rng.int(1, 9);
		return {
			call: `parseFloat("${n}.${digits}.${more}")`,
			expected: "NaN",
			belief: belief`a second dot makes parseFloat("${n}.${digits}.${more}") give NaN`,
			why: `parseFloat reads as much of a number as it can and stops at the second dot, so it gives ${n}.${digits}`,
			step: `reads "${n}.${digits}", stops at the second dot → ${n}.${digits}`,
		};
	},
	(rng) => {
		const n = rng.int(2, 99);
		const pad = rng.pick([" ", "\\n", "\\t"]);
		return {
			call: `Number("${pad}${n}${pad}")`,
			expected: "NaN",
			belief: belief`the whitespace around ${n} makes Number("${pad}${n}${pad}") NaN`,
			why: `Number ignores spaces and line breaks around the digits, so it gives ${n}`,
			step: `the blanks around ${n} are ignored → ${n}`,
		};
	},
];

interface Params {
	conversions: readonly [Conversion, Conversion, Conversion];
}

export const numberParsing = defineFamily<Params>({
	id: "javascript/number-parsing",
	idea: "js.number-parsing",
	language: "javascript",
	difficulty: "easy",
	title: "parseInt, parseFloat and Number on messy strings",
	topics: ["parseint", "number", "parsing", "strings", "numbers", "nan"],
	params: (rng) => ({
		conversions: threeOf(rng.sample(KINDS, 3).map((kind) => kind(rng))),
	}),
	build: ({ conversions }) => {
		// a mistake replaces one call with the value the learner expects
		const program = (wrong?: number) =>
			[
				`console.log(${conversions
					.map((c, i) => (i === wrong ? c.expected : c.call))
					.join(", ")});`,
				"",
			].join("\n");
		return {
			code: program(),
			mistakes: conversions.map((c, i) => ({
				misconception: c.belief,
				code: program(i),
			})),
			explain: (answer) =>
				`Each call reads the string its own way: ${conversions.map((c) => c.why).join("; ")}. It prints ${answer}.`,
			trace: conversions.map((c) => `${c.call}: ${c.step}`),
		};
	},
});
