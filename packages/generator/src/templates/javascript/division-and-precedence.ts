import { defineFamily } from "../family.js";

const NAMES = [
	["a", "b", "c"],
	["x", "y", "z"],
	["total", "size", "extra"],
	["width", "cols", "gap"],
	["cents", "people", "tip"],
] as const;
const SHAPES = ["division", "precedence", "strings"] as const;
/** the first expression of the precedence shape: an additive operator, then one that binds tighter */
const MIXED = [
	["+", "*"],
	["-", "*"],
	["+", "%"],
	["-", "%"],
] as const;

const POWERS = [
	[2, 3],
	[2, 4],
	[3, 3],
	[4, 3],
	[5, 3],
	[10, 3],
] as const;

interface Params {
	names: readonly [string, string, string];
	shape: (typeof SHAPES)[number];
	/** division: dividend, divisor; precedence: x, y, z, base, exponent; strings: x, y, the digit in the string */
	numbers: number[];
	/** precedence: which pair of operators the first expression mixes */
	mixed: number;
}

const apply = (op: string, l: number, r: number) =>
	op === "+" ? l + r : op === "-" ? l - r : op === "*" ? l * r : l % r;

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
			const numbers = rng.bool() ? [-dividend, divisor] : [dividend, -divisor];
			return { names, shape, numbers, mixed: 0 };
		}
		if (shape === "strings")
			return {
				names,
				shape,
				numbers: [rng.int(2, 9), rng.int(2, 9), rng.int(1, 9)],
				mixed: 0,
			};
		for (;;) {
			const mixed = rng.int(0, MIXED.length - 1);
			const [additive, tighter] = MIXED[mixed] ?? MIXED[0];
			const [x, y, z] = [rng.int(2, 12), rng.int(2, 9), rng.int(3, 7)];
			// left to right must give another value, or that belief would print what ** alone does
			if (
				apply(additive, x, apply(tighter, y, z)) !==
				apply(tighter, apply(additive, x, y), z)
			)
				return { names, shape, numbers: [x, y, z, ...rng.pick(POWERS)], mixed };
		}
	},
	build: (p) =>
		p.shape === "division"
			? division(p)
			: p.shape === "precedence"
				? precedence(p)
				: strings(p),
});

function division({ names: [a, b], numbers: [first = 7, second = 2] }: Params) {
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
				misconception: "Math.trunc rounds down, like Math.floor",
				code: program(`${q}, ${floor}, ${floor}, ${rem}`),
			},
		],
		explain: (answer: string) =>
			`In JavaScript every number is a float, so ${a} / ${b} is ${quotient}, fraction and all. ` +
			`Math.floor rounds down, toward minus infinity: ${Math.floor(quotient)}. Math.trunc drops the fraction, rounding toward zero: ${Math.trunc(quotient)}. ` +
			`% is the remainder of that truncating division and takes the sign of the dividend ${first}: ${first} - (${second}) * (${Math.trunc(quotient)}) = ${remainder}. It prints ${answer}.`,
	};
}

function precedence({ names: [x, y, z], numbers, mixed: which }: Params) {
	const [additive, tighter] = MIXED[which] ?? MIXED[0];
	const [first, second, zValue, base, exponent] = numbers as [
		number,
		number,
		number,
		number,
		number,
	];
	const program = (mixed: string, chain: string, power: string) =>
		`const ${x} = ${first};\nconst ${y} = ${second};\nconst ${z} = ${zValue};\nconsole.log(${mixed}, ${chain}, ${power});\n`;
	const mixed = `${x} ${additive} ${y} ${tighter} ${z}`;
	const chain = `${x} - ${y} - ${z}`;
	const power = `${base} ** ${exponent} ** 2`;
	return {
		code: program(mixed, chain, power),
		mistakes: [
			{
				misconception:
					"operators are worked out from left to right, whatever they are",
				code: program(
					`(${x} ${additive} ${y}) ${tighter} ${z}`,
					chain,
					`(${base} ** ${exponent}) ** 2`,
				),
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
	numbers: [first = 2, second = 3, variant = 1],
}: Params) {
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
