import { defineFamily } from "../family.js";

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
type Params = Division | Precedence | Strings;

export const divisionAndPrecedence = defineFamily<Params>({
	id: "javascript/division-and-precedence",
	language: "javascript",
	difficulty: "easy",
	title: "Division, remainder and operator precedence",
	topics: [
		"division",
		"modulo",
		"operators",
		"precedence",
		"arithmetic",
		"numbers",
	],
	params: (rng) => {
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
	const [q, floor, trunc, rem] = [
		`${a} / ${b}`,
		`Math.floor(${a} / ${b})`,
		`Math.trunc(${a} / ${b})`,
		`${a} % ${b}`,
	];
	const quotient = first / second;
	const remainder = first % second;
	return {
		code: program(`${q}, ${floor}, ${trunc}, ${rem}`),
		mistakes: [
			{
				misconception:
					"/ between two whole numbers gives a whole number, as in Java or C",
				code: program(`${trunc}, ${floor}, ${trunc}, ${rem}`),
			},
			{
				misconception: "Math.floor drops the fraction, rounding toward zero",
				code: program(`${q}, ${trunc}, ${trunc}, ${rem}`),
			},
			{
				misconception:
					"% gives a result with the sign of the divisor, as Python's does",
				code: program(`${q}, ${floor}, ${trunc}, ${a} - ${b} * ${floor}`),
			},
			{
				misconception: `% gives the fractional part of ${q}, the digits after the point`,
				code: program(`${q}, ${floor}, ${trunc}, ${rem} / ${b}`),
			},
		],
		explain: (answer: string) =>
			`In JavaScript every number is a float, so ${a} / ${b} is ${quotient}, fraction and all. ` +
			`Math.floor rounds down, toward minus infinity: ${Math.floor(quotient)}. Math.trunc drops the fraction, rounding toward zero: ${Math.trunc(quotient)}. ` +
			`% is the remainder of that truncating division and takes the sign of the dividend ${first}: ${first} - (${second}) * (${Math.trunc(quotient)}) = ${remainder}. It prints ${answer}.`,
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
				misconception: `${additive} and ${tighter} are worked out from left to right, in the order they are written`,
				code: program(`(${x} ${additive} ${y}) ${tighter} ${z}`, chain, power),
			},
			{
				misconception: `${chain} subtracts ${y} - ${z} first`,
				code: program(mixed, `${x} - (${y} - ${z})`, power),
			},
			{
				misconception: "** groups from the left, as - and / do",
				code: program(mixed, chain, `(${base} ** ${exponent}) ** 2`),
			},
		],
		explain: (answer: string) =>
			`${tighter} binds tighter than ${additive}, so ${mixed} is ${x} ${additive} (${y} ${tighter} ${z}). ` +
			`- groups from the left, so ${chain} is (${x} - ${y}) - ${z}. ** is the exception and groups from the right: ${power} is ${base} ** (${exponent} ** 2) = ${base} ** ${exponent ** 2}. ` +
			`It prints ${answer}.`,
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
				misconception: `the numbers in ${joined} are added first and only then joined to the string`,
				code: program(`${added}, ${s} + (${x} + ${y}), ${timed}`),
			},
			{
				misconception: `once a string appears anywhere in ${added}, every + joins text`,
				code: program(`String(${x}) + ${y} + ${s}, ${joined}, ${timed}`),
			},
			{
				misconception: `+ and * are worked out from left to right, so ${timed} is (${s} + ${x}) * ${y}`,
				code: program(`${added}, ${joined}, (${s} + ${x}) * ${y}`),
			},
			{
				misconception: `+ turns the numeric string "${variant}" into a number`,
				code: program(
					`${x} + ${y} + ${variant}, ${variant} + ${x} + ${y}, ${variant} + ${x} * ${y}`,
				),
			},
		],
		explain: (answer: string) =>
			`+ runs from left to right, and joins text as soon as either side is a string. In ${added}, ${x} + ${y} adds two numbers first (${first + second}) and only then joins "${variant}". ` +
			`In ${joined}, ${s} + ${x} is already the string "${variant}${first}", so ${y} is joined too. * binds tighter than +, so ${timed} joins ${first * second} to "${variant}". ` +
			`It prints ${answer}.`,
	};
}
