import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import {
	drawOperands,
	inexactOperands,
	type Operator,
	results,
	tenths,
} from "../float-operands.js";
import { agree, listed } from "../prose.js";

const NAMES = [
	["price", "tax", "total"],
	["x", "y", "z"],
	["a", "b", "sum"],
	["width", "gap", "span"],
	["start", "step", "end"],
] as const;

interface Params {
	names: readonly [string, string, string];
	/** operands in tenths (1 is 0.1); a "*" multiplies by a whole number instead */
	left: number;
	right: number;
	operator: Operator;
	/** rounded with Math.round: a negative half, or a positive one after an even number */
	half: number;
	/** a decimal literal ending in 5 that toFixed(digits) rounds down, because the stored double is just below it */
	fixed: string;
	digits: number;
}

/** The value a learner expects from rounding the written decimal half up, e.g. "1.005" to 2 digits gives "1.01". */
function halfUp(literal: string, digits: number): string {
	const scaled = Number(literal.replace(".", "")) + 5;
	const text = String(Math.floor(scaled / 10)).padStart(digits + 1, "0");
	return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A literal whose double lies below the written half, so toFixed rounds it down: never an exact tie. */
function drawFixed(rng: Rng): { fixed: string; digits: number } {
	for (;;) {
		const digits = rng.int(1, 2);
		const tail = `${rng.int(0, 10 ** digits - 1)}`.padStart(digits, "0");
		const fixed = `${rng.int(0, 9)}.${tail}5`;
		if (Number(fixed).toFixed(digits) !== halfUp(fixed, digits))
			return { fixed, digits };
	}
}

export const floatingPoint = defineFamily<Params>({
	id: "javascript/floating-point",
	idea: "js.floating-point",
	language: "javascript",
	difficulty: "hard",
	title: "Floating-point sums, Math.round and toFixed",
	topics: ["floating point", "numbers", "rounding", "tofixed", "math"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		...drawOperands(rng),
		// never -0.5: Math.round gives -0 there, a second surprise in the same line
		half: rng.bool() ? -(rng.int(1, 8) + 0.5) : 2 * rng.int(0, 4) + 0.5,
		...drawFixed(rng),
	}),
	build: ({ names: [x, y, z], left, right, operator, half, fixed, digits }) => {
		const second = operator === "*" ? String(right) : tenths(right);
		const { float, exact } = results({ left, right, operator });
		const target = tenths(exact);
		const inexact = inexactOperands({ left, right, operator });
		const exactly =
			operator === "*"
				? `Math.round(${x} * 10) * ${y} / 10`
				: `(Math.round(${x} * 10) ${operator} Math.round(${y} * 10)) / 10`;
		const program = (
			opts: {
				exact?: boolean;
				close?: boolean;
				round?: string;
				fixed?: string;
			} = {},
		) =>
			[
				`const ${x} = ${tenths(left)};`,
				`const ${y} = ${second};`,
				`const ${z} = ${opts.exact ? exactly : `${x} ${operator} ${y}`};`,
				`console.log(${z}, ${opts.close ? `Math.abs(${z} - ${target}) < Number.EPSILON` : `${z} === ${target}`}, ${opts.round ?? `Math.round(${half})`}, ${opts.fixed ?? `(${fixed}).toFixed(${digits})`});`,
				"",
			].join("\n");
		const rounded = Math.round(half);
		const expected = rounded - 1;
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`${listed(inexact)} ${agree(inexact, "is", "are")} stored exactly, so ${z} is exactly ${target}`,
					code: program({ exact: true }),
				},
				{
					misconception: belief`=== overlooks a rounding error in the last digits, so ${z} === ${target} holds`,
					code: program({ close: true }),
				},
				half < 0
					? {
							misconception: belief`Math.round rounds a half away from zero, so Math.round(${half}) is ${expected}`,
							code: program({ round: `-Math.round(${-half})` }),
						}
					: {
							misconception: belief`Math.round rounds a half to the even neighbour, as Python's round does, so Math.round(${half}) is ${expected}`,
							code: program({ round: `2 * Math.round(${half} / 2)` }),
						},
				{
					misconception: belief`toFixed rounds the decimal as written, so ${fixed} goes up to ${halfUp(fixed, digits)}`,
					code: program({ fixed: `"${halfUp(fixed, digits)}"` }),
				},
			],
			explain: (answer) =>
				`${listed(inexact)} ${agree(inexact, "has", "have")} no exact binary form, so ${x} ${operator} ${y} works on the stored approximations and gives ${float}, not ${target}, and === is false. ` +
				`Math.round rounds a half up, toward +Infinity, so Math.round(${half}) is ${rounded}. ` +
				`The literal ${fixed} is stored as a double just below it, so toFixed(${digits}) rounds it down to "${Number(fixed).toFixed(digits)}". ` +
				`It prints ${answer}.`,
			trace: [
				`${z} = ${tenths(left)} ${operator} ${second} = ${float}`,
				`${z} === ${target}: false`,
				`Math.round(${half}): a half goes up, toward +Infinity, to ${rounded}`,
				`${fixed} is stored as ${Number(fixed).toPrecision(20)}…, below the half`,
				`(${fixed}).toFixed(${digits}) rounds down: "${Number(fixed).toFixed(digits)}"`,
			],
		};
	},
});
