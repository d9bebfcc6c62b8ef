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
	["a", "b", "result"],
	["width", "gap", "span"],
	["step", "shift", "pos"],
	["left", "right", "both"],
] as const;

interface Params {
	names: readonly [string, string, string];
	/** operands in tenths (1 is 0.1); a "*" multiplies by a whole number instead */
	left: number;
	right: number;
	operator: Operator;
	/** rounded with round(): an even whole number plus one half */
	half: number;
	/** truncated with int(): a negative whole number and tenths, e.g. [3, 7] for -3.7 */
	cut: [number, number];
}

export const floatPitfalls = defineFamily<Params>({
	id: "python/float-pitfalls",
	language: "python",
	difficulty: "hard",
	title: "Floating-point sums, round() and int()",
	topics: ["floating point", "floats", "rounding", "numbers", "decimal"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		...drawOperands(rng),
		half: 2 * rng.int(0, 4) + 0.5,
		cut: [rng.int(1, 9), rng.int(1, 9)],
	}),
	build: ({
		names: [x, y, z],
		left,
		right,
		operator,
		half,
		cut: [whole, fraction],
	}) => {
		const cut = `-${whole}.${fraction}`;
		const second = operator === "*" ? String(right) : tenths(right);
		const { float, exact } = results({ left, right, operator });
		const target = tenths(exact);
		const inexact = inexactOperands({ left, right, operator });
		// each belief edits its own part of the snippet, with no import to share, so any two combine
		const program = (
			opts: {
				exact?: boolean;
				close?: boolean;
				round?: string;
				int?: string;
			} = {},
		) =>
			[
				`${x} = ${tenths(left)}`,
				`${y} = ${second}`,
				`${z} = ${opts.exact ? `round(${x} ${operator} ${y}, 10)` : `${x} ${operator} ${y}`}`,
				`print(${z}, ${opts.close ? `abs(${z} - ${target}) < 1e-9` : `${z} == ${target}`}, ${opts.round ?? `round(${half})`}, ${opts.int ?? `int(${cut})`})`,
				"",
			].join("\n");
		return {
			code: program(),
			mistakes: [
				{
					misconception: `${listed(inexact)} ${agree(inexact, "is", "are")} stored exactly, so ${z} is exactly ${target}`,
					code: program({ exact: true }),
				},
				{
					misconception: "== between floats allows for a tiny rounding error",
					code: program({ close: true }),
				},
				{
					misconception: `round() always rounds a half up, so round(${half}) is ${half + 0.5}`,
					code: program({ round: `int(${half} + 0.5)` }),
				},
				{
					misconception: `int() rounds down, toward minus infinity, as math.floor does`,
					code: program({ int: `int(${cut} // 1)` }),
				},
			],
			explain: (answer) =>
				`${listed(inexact)} cannot be stored exactly in binary, so ${x} ${operator} ${y} gives the nearest float, ${float}, not ${target}. ` +
				`That is not the float nearest ${target}, so == is False; compare floats with math.isclose. ` +
				`round() sends a half to the even neighbour (banker's rounding), so round(${half}) is ${half - 0.5}. ` +
				`int() drops the fraction, rounding toward zero, so int(${cut}) is -${whole}, not -${whole + 1}. It prints ${answer}.`,
		};
	},
});
