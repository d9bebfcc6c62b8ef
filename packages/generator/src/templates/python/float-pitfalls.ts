import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import {
	drawOperands,
	type FloatOperands,
	inexactOperands,
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

type Names = readonly [string, string, string];

/**
 * hard ("mixed"): a sum compared with ==, round() of a half and int() of a negative number, in
 * one print. medium: one idea, in two steps: a sum and its comparison ("compare"), or two halves
 * rounded ("halves").
 */
type Params =
	| ({
			shape: "mixed";
			names: Names;
			/** rounded with round(): an even whole number plus one half */
			half: number;
			/** truncated with int(): a negative whole number and tenths, e.g. [3, 7] for -3.7 */
			cut: [number, number];
	  } & FloatOperands)
	| ({ shape: "compare"; names: Names } & FloatOperands)
	| {
			shape: "halves";
			names: Names;
			/** the halves rounded, in the order printed: one whole number is even, the other odd */
			values: [number, number];
	  };

/** The exact decimal value of a float, cut after 20 decimals: "0.10000000000000000555…". */
function stored(value: number) {
	const exact = value.toPrecision(100).replace(/0+$/, "");
	const point = exact.indexOf(".");
	return exact.length > point + 21 ? `${exact.slice(0, point + 21)}…` : exact;
}

/** The operands as written and the float each stands for, when it is not the decimal written. */
const storedLines = (operands: FloatOperands) =>
	inexactOperands(operands).map(
		(text) => `${text} is stored as ${stored(Number(text))}`,
	);

/** round() of a whole number plus one half: the even neighbour. */
const halfToEven = (half: number) =>
	(half - 0.5) % 2 === 0 ? half - 0.5 : half + 0.5;

/** Two halves, one with an even whole part and one with an odd one, in either order. */
function drawHalves(rng: Rng): [number, number] {
	const even = 2 * rng.int(0, 4) + 0.5;
	const odd = 2 * rng.int(0, 4) + 1.5;
	return rng.bool() ? [even, odd] : [odd, even];
}

export const floatPitfalls = defineFamily<Params>({
	id: "python/float-pitfalls",
	idea: "py.floating-point",
	language: "python",
	difficulty: ["medium", "hard"],
	title: "Floating-point sums and rounding",
	topics: ["floating point", "floats", "rounding", "numbers", "decimal"],
	params: (rng, difficulty) => {
		if (difficulty === "hard")
			return {
				shape: "mixed",
				names: rng.pick(NAMES),
				...drawOperands(rng),
				half: 2 * rng.int(0, 4) + 0.5,
				cut: [rng.int(1, 9), rng.int(1, 9)],
			};
		const names = rng.pick(NAMES);
		return rng.bool()
			? { shape: "compare", names, ...drawOperands(rng) }
			: { shape: "halves", names, values: drawHalves(rng) };
	},
	build: (params) => {
		if (params.shape === "compare") return compare(params);
		if (params.shape === "halves") return halves(params);
		return mixed(params);
	},
});

/** medium: a sum of decimals printed and compared with the decimal it should be. */
function compare({
	names: [x, y, z],
	left,
	right,
	operator,
}: FloatOperands & { names: Names }) {
	const second = operator === "*" ? String(right) : tenths(right);
	const { float, exact } = results({ left, right, operator });
	const target = tenths(exact);
	const inexact = inexactOperands({ left, right, operator });
	const program = (opts: {
		exact?: boolean;
		close?: boolean;
		short?: boolean;
		strict?: boolean;
	}) =>
		[
			"import math",
			"",
			`${x} = ${tenths(left)}`,
			`${y} = ${second}`,
			`${z} = ${opts.exact ? `round(${x} ${operator} ${y}, 10)` : `${x} ${operator} ${y}`}`,
			`print(${opts.short ? `round(${z}, 10)` : z}, ${opts.close ? `abs(${z} - ${target}) < 1e-9` : `${z} == ${target}`}, math.isclose(${z}, ${target}${opts.strict ? ", rel_tol=0" : ""}))`,
			"",
		].join("\n");
	return {
		code: program({}),
		mistakes: [
			{
				misconception: belief`${listed(inexact)} ${agree(inexact, "is", "are")} stored exactly, so ${z} is exactly ${target}`,
				code: program({ exact: true }),
			},
			{
				misconception: belief`== between floats allows for a tiny rounding error`,
				code: program({ close: true }),
			},
			{
				misconception: belief`print shows a float rounded to a few decimal places, so ${z} shows as ${target} even though it is not exactly ${target}`,
				code: program({ short: true }),
			},
			{
				misconception: belief`math.isclose allows no difference unless it is given a tolerance, so it is False too`,
				code: program({ strict: true }),
			},
		],
		explain: (answer: string) =>
			`${listed(inexact)} cannot be stored exactly in binary, so ${x} ${operator} ${y} works on the nearest ${agree(inexact, "float", "floats")}, and the float nearest that result is ${float}. ` +
			`print shows the shortest decimal that reads back as that float, so the error shows. ` +
			`It is not the float that ${target} stands for, so == is False. ` +
			`math.isclose allows a relative difference of up to 1e-09 by default, so it is True: that is how to compare floats. It prints ${answer}.`,
		trace: [
			...storedLines({ left, right, operator }),
			`${x} ${operator} ${y} → ${tenths(left)} ${operator} ${second} → ${float}, not ${target}`,
			`${z} == ${target} → ${float} == ${target} → False`,
			`math.isclose(${z}, ${target}) → True: they differ by far less than 1e-09 of ${target}`,
		],
	};
}

/** medium: two halves rounded, one down and one up, each to its even neighbour. */
function halves({
	names: [a, b],
	values: [first, second],
}: {
	names: Names;
	values: [number, number];
}) {
	const program = (line: string) =>
		`${a} = ${first}\n${b} = ${second}\nprint(${line})\n`;
	const evenFirst = (first - 0.5) % 2 === 0;
	const [even, odd] = evenFirst ? [first, second] : [second, first];
	const [evenName, oddName] = evenFirst ? [a, b] : [b, a];
	// each belief changes only the call whose result it changes, so the two also combine
	const calls = (evenCall: string, oddCall: string) =>
		evenFirst ? `${evenCall}, ${oddCall}` : `${oddCall}, ${evenCall}`;
	return {
		code: program(`round(${a}), round(${b})`),
		mistakes: [
			{
				misconception: belief`round() always rounds a half up, so round(${even}) is ${even + 0.5}`,
				code: program(calls(`int(${evenName} + 0.5)`, `round(${oddName})`)),
			},
			{
				misconception: belief`round() drops the fraction, as int() does, so round(${odd}) is ${odd - 0.5}`,
				code: program(calls(`round(${evenName})`, `int(${oddName})`)),
			},
			{
				misconception: belief`round() of a float with no number of digits gives a float, as it did in Python 2`,
				code: program(`float(round(${a})), float(round(${b}))`),
			},
		],
		explain: (answer: string) =>
			`${first} and ${second} are exact in binary, so each is exactly halfway between two whole numbers. ` +
			"round() with no number of digits returns an int, and sends a half to the even neighbour (banker's rounding), " +
			`so round(${first}) is ${halfToEven(first)} and round(${second}) is ${halfToEven(second)}: one goes down, the other up. It prints ${answer}.`,
		trace: [first, second].map(
			(value, i) =>
				`round(${i === 0 ? a : b}) → round(${value}) → ${halfToEven(value)} (${value < halfToEven(value) ? "up" : "down"} to the even neighbour)`,
		),
	};
}

/** hard: an inexact sum compared with ==, round() of a half and int() of a negative number. */
function mixed({
	names: [x, y, z],
	left,
	right,
	operator,
	half,
	cut: [whole, fraction],
}: FloatOperands & {
	names: Names;
	half: number;
	cut: [number, number];
}) {
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
				misconception: belief`${listed(inexact)} ${agree(inexact, "is", "are")} stored exactly, so ${z} is exactly ${target}`,
				code: program({ exact: true }),
			},
			{
				misconception: belief`== between floats allows for a tiny rounding error`,
				code: program({ close: true }),
			},
			{
				misconception: belief`round() always rounds a half up, so round(${half}) is ${half + 0.5}`,
				code: program({ round: `int(${half} + 0.5)` }),
			},
			{
				misconception: belief`int() rounds down, toward minus infinity, as math.floor does`,
				code: program({ int: `int(${cut} // 1)` }),
			},
		],
		explain: (answer: string) =>
			`${listed(inexact)} cannot be stored exactly in binary, so ${x} ${operator} ${y} works on the nearest ${agree(inexact, "float", "floats")}, and the float nearest that result is ${float}, not ${target}. ` +
			`That is not the float that ${target} stands for, so == is False; compare floats with math.isclose. ` +
			`round() sends a half to the even neighbour (banker's rounding), so round(${half}) is ${half - 0.5}. ` +
			`int() drops the fraction, rounding toward zero, so int(${cut}) is -${whole}, not -${whole + 1}. It prints ${answer}.`,
		trace: [
			...storedLines({ left, right, operator }),
			`${x} ${operator} ${y} → ${tenths(left)} ${operator} ${second} → ${float}, not ${target}`,
			`${z} == ${target} → False`,
			`round(${half}) → ${half - 0.5} (down to the even neighbour)`,
			`int(${cut}) → -${whole} (the fraction dropped, toward zero)`,
		],
	};
}
