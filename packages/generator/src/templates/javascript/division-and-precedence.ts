import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { twoOf } from "../item-at.js";
import { times } from "../prose.js";

const NAMES = [
	["a", "b", "c"],
	["x", "y", "z"],
	["total", "size", "extra"],
	["width", "cols", "gap"],
	["cents", "people", "tip"],
] as const;
const SHAPES = ["division", "precedence", "strings"] as const;

type Operator = "+" | "-" | "*" | "%";
const OPERATIONS: Record<Operator, (l: number, r: number) => number> = {
	"+": (l, r) => l + r,
	"-": (l, r) => l - r,
	"*": (l, r) => l * r,
	"%": (l, r) => l % r,
};
const apply = (op: Operator, l: number, r: number) => OPERATIONS[op](l, r);
/** the first expression of the precedence shape: an additive operator, then one that binds tighter */
const MIXED: readonly { additive: Operator; tighter: Operator }[] = [
	{ additive: "+", tighter: "*" },
	{ additive: "-", tighter: "*" },
	{ additive: "+", tighter: "%" },
	{ additive: "-", tighter: "%" },
];

const POWERS: readonly { base: number; exponent: number }[] = [
	{ base: 2, exponent: 3 },
	{ base: 2, exponent: 4 },
	{ base: 3, exponent: 3 },
	{ base: 4, exponent: 3 },
	{ base: 5, exponent: 3 },
	{ base: 10, exponent: 3 },
	// fourth roots: grouped from the right they give the smaller number, so the answer is not
	// always the longest option
	{ base: 16, exponent: 0.5 },
	{ base: 81, exponent: 0.5 },
	{ base: 625, exponent: 0.5 },
	{ base: 10000, exponent: 0.5 },
];

type Names = readonly [string, string, string];

/** `dividend / divisor` and its floor, trunc and remainder; one of the two is negative. */
interface Division {
	shape: "division";
	names: Names;
	dividend: number;
	divisor: number;
}
/** `x op y op z`, `x - y - z` and `base ** exponent ** 2`. */
interface Precedence {
	shape: "precedence";
	names: Names;
	mixed: (typeof MIXED)[number];
	x: number;
	y: number;
	z: number;
	power: (typeof POWERS)[number];
}
/** Two numbers added to and joined with a string holding `digit`. */
interface Strings {
	shape: "strings";
	names: Names;
	x: number;
	y: number;
	digit: number;
}
/** Easy: `dividend / divisor` and `dividend % divisor` on two positive numbers. */
interface Quotient {
	shape: "quotient";
	names: Names;
	dividend: number;
	divisor: number;
}
/** Easy: `x + y * z` and `x * y + z`, with no parentheses. */
interface Order {
	shape: "order";
	names: Names;
	x: number;
	y: number;
	z: number;
}
type Params = Division | Precedence | Strings | Quotient | Order;

export const divisionAndPrecedence = defineFamily<Params>({
	id: "javascript/division-and-precedence",
	idea: "js.arithmetic-and-precedence",
	language: "javascript",
	difficulty: ["easy", "medium"],
	title: "Division, remainder and operator precedence",
	topics: [
		"division",
		"modulo",
		"operators",
		"precedence",
		"arithmetic",
		"numbers",
	],
	params: (rng, difficulty) => {
		if (difficulty === "easy") return easyParams(rng);
		const names = rng.pick(NAMES);
		const shape = rng.pick(SHAPES);
		if (shape === "division") {
			const divisor = rng.int(2, 8);
			let dividend = rng.int(7, 60);
			// an exact quotient would make floor and trunc agree, and -0 prints differently
			if (dividend % divisor === 0) dividend += 1;
			return rng.bool()
				? { names, shape, dividend: -dividend, divisor }
				: { names, shape, dividend, divisor: -divisor };
		}
		if (shape === "strings") {
			// a one-digit sum, so the answer's x + y + s is shorter than the belief that every + joins
			// text, and the answer is not always the longest option
			const x = rng.int(2, 7);
			return { names, shape, x, y: rng.int(2, 9 - x), digit: rng.int(1, 9) };
		}
		for (;;) {
			const mixed = rng.pick(MIXED);
			const { additive, tighter } = mixed;
			const [x, y, z] = [rng.int(2, 12), rng.int(2, 9), rng.int(3, 7)];
			// left to right must give another value, or that belief would print what ** alone does
			if (
				apply(additive, x, apply(tighter, y, z)) !==
				apply(tighter, apply(additive, x, y), z)
			)
				return { names, shape, mixed, x, y, z, power: rng.pick(POWERS) };
		}
	},
	build: (p) => {
		switch (p.shape) {
			case "division":
				return division(p);
			case "precedence":
				return precedence(p);
			case "strings":
				return strings(p);
			case "quotient":
				return quotient(p);
			case "order":
				return order(p);
		}
	},
});

function division({
	names: [a, b],
	dividend: first,
	divisor: second,
}: Division) {
	const program = (line: string) =>
		`const ${a} = ${first};\nconst ${b} = ${second};\nconsole.log(${line});\n`;
	const [q, floor, truncated, rem] = [
		`${a} / ${b}`,
		`Math.floor(${a} / ${b})`,
		`Math.trunc(${a} / ${b})`,
		`${a} % ${b}`,
	];
	const quotient = first / second;
	const remainder = first % second;
	const trunc = Math.trunc(quotient);
	return {
		code: program(`${q}, ${floor}, ${truncated}, ${rem}`),
		mistakes: [
			{
				misconception: belief`/ between two whole numbers gives a whole number, as in Java or C`,
				code: program(`${truncated}, ${floor}, ${truncated}, ${rem}`),
			},
			{
				misconception: belief`Math.floor drops the fraction, rounding toward zero`,
				code: program(`${q}, ${truncated}, ${truncated}, ${rem}`),
			},
			{
				misconception: belief`% gives a result with the sign of the divisor, as Python's does`,
				code: program(`${q}, ${floor}, ${truncated}, ${a} - ${b} * ${floor}`),
			},
			{
				misconception: belief`% gives the fractional part of ${q}, the digits after the point`,
				code: program(`${q}, ${floor}, ${truncated}, ${rem} / ${b}`),
			},
		],
		explain: (answer: string) =>
			`In JavaScript every number is a float, so ${a} / ${b} is ${quotient}, fraction and all. ` +
			`Math.floor rounds down, toward minus infinity: ${Math.floor(quotient)}. Math.trunc drops the fraction, rounding toward zero: ${shown(trunc)}. ` +
			`% is the remainder of that truncating division and takes the sign of the dividend ${first}: ${first} - ${signed(second)} * ${signed(trunc)} = ${remainder}. It prints ${answer}.`,
		trace: [
			`${q} → ${first} / ${second} = ${quotient}`,
			`Math.floor(${quotient}) → ${Math.floor(quotient)} (down, toward minus infinity)`,
			`Math.trunc(${quotient}) → ${shown(trunc)} (toward zero)`,
			`${rem} → ${first} - ${signed(second)} * ${signed(trunc)} = ${remainder} (the sign of ${a})`,
		],
	};
}

function precedence({
	names: [x, y, z],
	mixed: { additive, tighter },
	x: first,
	y: second,
	z: zValue,
	power: { base, exponent },
}: Precedence) {
	const program = (mixed: string, chain: string, power: string) =>
		`const ${x} = ${first};\nconst ${y} = ${second};\nconst ${z} = ${zValue};\nconsole.log(${mixed}, ${chain}, ${power});\n`;
	const mixed = `${x} ${additive} ${y} ${tighter} ${z}`;
	const chain = `${x} - ${y} - ${z}`;
	const power = `${base} ** ${exponent} ** 2`;
	return {
		code: program(mixed, chain, power),
		mistakes: [
			{
				// one belief per expression, so that any two combine
				misconception: belief`${additive} and ${tighter} are worked out from left to right, in the order they are written`,
				code: program(`(${x} ${additive} ${y}) ${tighter} ${z}`, chain, power),
			},
			{
				misconception: belief`${chain} subtracts ${y} - ${z} first`,
				code: program(mixed, `${x} - (${y} - ${z})`, power),
			},
			{
				misconception: belief`** groups from the left, as - and / do`,
				code: program(mixed, chain, `(${base} ** ${exponent}) ** 2`),
			},
		],
		explain: (answer: string) =>
			`${tighter} binds tighter than ${additive}, so ${mixed} is ${x} ${additive} (${y} ${tighter} ${z}). ` +
			`- groups from the left, so ${chain} is (${x} - ${y}) - ${z}. ** is the exception and groups from the right: ${power} is ${base} ** (${exponent} ** 2) = ${base} ** ${exponent ** 2}. ` +
			`It prints ${answer}.`,
		trace: [
			`${mixed} → ${first} ${additive} (${second} ${tighter} ${zValue}) = ${apply(additive, first, apply(tighter, second, zValue))}`,
			`${chain} → (${first} - ${second}) - ${zValue} = ${first - second - zValue}`,
			`${power} → ${base} ** (${exponent} ** 2) → ${base} ** ${exponent ** 2} = ${base ** (exponent ** 2)}`,
		],
	};
}

function strings({
	names: [x, y, s],
	x: first,
	y: second,
	digit: variant,
}: Strings) {
	const program = (line: string) =>
		`const ${x} = ${first};\nconst ${y} = ${second};\nconst ${s} = "${variant}";\nconsole.log([${line}]);\n`;
	const [added, joined, timed] = [
		`${x} + ${y} + ${s}`,
		`${s} + ${x} + ${y}`,
		`${s} + ${x} * ${y}`,
	];
	return {
		code: program(`${added}, ${joined}, ${timed}`),
		mistakes: [
			{
				misconception: belief`the numbers in ${joined} are added first and only then joined to the string`,
				code: program(`${added}, ${s} + (${x} + ${y}), ${timed}`),
			},
			{
				misconception: belief`once a string appears anywhere in ${added}, every + joins text`,
				code: program(`String(${x}) + ${y} + ${s}, ${joined}, ${timed}`),
			},
			{
				misconception: belief`+ and * are worked out from left to right, so ${timed} is (${s} + ${x}) * ${y}`,
				code: program(`${added}, ${joined}, (${s} + ${x}) * ${y}`),
			},
			{
				misconception: belief`+ turns the numeric string "${variant}" into a number`,
				code: program(
					`${x} + ${y} + ${variant}, ${variant} + ${x} + ${y}, ${variant} + ${x} * ${y}`,
				),
			},
		],
		explain: (answer: string) =>
			`+ runs from left to right, and joins text as soon as either side is a string. In ${added}, ${x} + ${y} adds two numbers first (${first + second}) and only then joins "${variant}". ` +
			`In ${joined}, ${s} + ${x} is already the string "${variant}${first}", so ${y} is joined too. * binds tighter than +, so ${timed} joins ${first * second} to "${variant}". ` +
			`It prints ${answer}.`,
		trace: [
			`${added} → ${first} + ${second} = ${first + second}, then ${first + second} + "${variant}" = "${first + second}${variant}"`,
			`${joined} → "${variant}" + ${first} = "${variant}${first}", then + ${second} = "${variant}${first}${second}"`,
			`${timed} → ${first} * ${second} = ${first * second} first, then "${variant}" + ${first * second} = "${variant}${first * second}"`,
		],
	};
}

/** A number as it reads inside a product: a negative one in parentheses. */
const signed = (n: number) =>
	n < 0 || Object.is(n, -0) ? `(${shown(n)})` : `${n}`;
/** A number as console.log prints it: -0 keeps its sign. */
const shown = (n: number) => (Object.is(n, -0) ? "-0" : `${n}`);

/** Easy variants: one idea each, on small positive numbers. */
function easyParams(rng: Rng): Quotient | Order {
	const names = rng.pick(NAMES);
	if (rng.bool()) {
		// divisors whose quotients end after a digit or three, so the fraction reads at a glance
		const divisor = rng.pick([2, 4, 5, 8]);
		for (;;) {
			const dividend = rng.int(7, 60);
			const remainder = dividend % divisor;
			// an exact quotient has no fraction to lose, and a remainder equal to the whole part
			// would make two beliefs print the same
			if (remainder !== 0 && remainder !== Math.trunc(dividend / divisor))
				return { shape: "quotient", names, dividend, divisor };
		}
	}
	// from 2 up, so that moving the parentheses always changes the value; x and z differ, or
	// the two expressions would print the same number
	const [x, z] = twoOf(rng.sample([2, 3, 4, 5, 6, 7, 8, 9], 2));
	return { shape: "order", names, x, y: rng.int(2, 9), z };
}

function quotient({
	names: [a, b],
	dividend: first,
	divisor: second,
}: Quotient) {
	const program = (line: string) =>
		`const ${a} = ${first};\nconst ${b} = ${second};\nconsole.log(${line});\n`;
	const [q, rem, whole] = [
		`${a} / ${b}`,
		`${a} % ${b}`,
		`Math.trunc(${a} / ${b})`,
	];
	const fits = Math.trunc(first / second);
	const remainder = first % second;
	return {
		code: program(`${q}, ${rem}`),
		mistakes: [
			{
				misconception: belief`/ between two whole numbers gives a whole number, as in Java or C`,
				code: program(`${whole}, ${rem}`),
			},
			{
				misconception: belief`% gives how many whole times ${b} fits into ${a}`,
				code: program(`${q}, ${whole}`),
			},
			{
				misconception: belief`% gives the fractional part of ${q}, the digits after the point`,
				code: program(`${q}, ${rem} / ${b}`),
			},
		],
		explain: (answer: string) =>
			`In JavaScript every number is a float, so ${q} keeps the fraction: ${first} / ${second} is ${first / second}. ` +
			`% gives the remainder: ${second} fits into ${first} ${times(fits)}, making ${fits * second}, and ${remainder} is left over. It prints ${answer}.`,
		trace: [
			`${q} → ${first} / ${second} = ${first / second} (a float, fraction kept)`,
			`${rem} → ${first} - ${second} * ${fits} = ${remainder} (what is left over)`,
		],
	};
}

function order({ names: [x, y, z], x: first, y: second, z: third }: Order) {
	const program = (one: string, two: string) =>
		`const ${x} = ${first};\nconst ${y} = ${second};\nconst ${z} = ${third};\nconsole.log(${one}, ${two});\n`;
	const [sum, product] = [`${x} + ${y} * ${z}`, `${x} * ${y} + ${z}`];
	return {
		code: program(sum, product),
		mistakes: [
			{
				misconception: belief`+ and * are worked out from left to right, as on a pocket calculator`,
				code: program(`(${x} + ${y}) * ${z}`, product),
			},
			{
				misconception: belief`+ is worked out before *`,
				code: program(`(${x} + ${y}) * ${z}`, `${x} * (${y} + ${z})`),
			},
			{
				misconception: belief`in ${product}, * multiplies ${x} by all that follows it, ${y} + ${z}`,
				code: program(sum, `${x} * (${y} + ${z})`),
			},
		],
		explain: (answer: string) =>
			`* binds tighter than +, so it is worked out first wherever it stands. ${sum} is ${x} + (${y} * ${z}) = ${first} + ${second * third}, ` +
			`and ${product} is (${x} * ${y}) + ${z} = ${first * second} + ${third}. It prints ${answer}.`,
		trace: [
			`${sum} → ${first} + (${second} * ${third}) → ${first} + ${second * third} = ${first + second * third}`,
			`${product} → (${first} * ${second}) + ${third} → ${first * second} + ${third} = ${first * second + third}`,
		],
	};
}
