import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";

/** One printed expression: as written, as misread (parenthesised the other way), and why it gives what it gives. */
interface Piece {
	shown: string;
	misread: string;
	misconception: Belief;
	why: string;
	/** the expression worked out as Python groups it, one "→" a step */
	steps: string;
}

type Draw = (rng: Rng) => Piece;

const negated: Draw = (rng) => {
	const a = rng.int(2, 5);
	const b = rng.pick([2, 4]);
	return {
		shown: `-${a} ** ${b}`,
		misread: `(-${a}) ** ${b}`,
		misconception: belief`the minus in -${a} ** ${b} belongs to ${a}, so the power works on -${a}`,
		why: `** binds more tightly than the minus sign in front, so -${a} ** ${b} is -(${a} ** ${b}), ${-(a ** b)}`,
		steps: `the minus goes last: -${a} ** ${b} → -(${a} ** ${b}) → ${-(a ** b)}`,
	};
};

const tower: Draw = (rng) => {
	const [b, c] = rng.pick([
		[2, 3],
		[3, 2],
		[3, 3],
	] as const);
	return {
		shown: `2 ** ${b} ** ${c}`,
		misread: `(2 ** ${b}) ** ${c}`,
		misconception: belief`2 ** ${b} ** ${c} is worked out from left to right, as 10 - 4 - 3 is`,
		why: `** groups from the right, so 2 ** ${b} ** ${c} is 2 ** (${b} ** ${c}), 2 ** ${b ** c}, ${2 ** (b ** c)}`,
		steps: `2 ** ${b} ** ${c} → 2 ** (${b} ** ${c}) → 2 ** ${b ** c} → ${2 ** (b ** c)}`,
	};
};

const scaled: Draw = (rng) => {
	const k = rng.int(2, 5);
	const a = rng.int(2, 4);
	return {
		shown: `${k} * ${a} ** 2`,
		misread: `(${k} * ${a}) ** 2`,
		misconception: belief`${k} * ${a} ** 2 multiplies first and then squares, reading from left to right`,
		why: `${k} * ${a} ** 2 squares ${a} first, so it is ${k} * ${a ** 2}, ${k * a ** 2}`,
		steps: `${k} * ${a} ** 2 → ${k} * ${a ** 2} → ${k * a ** 2}`,
	};
};

const summed: Draw = (rng) => {
	const k = rng.int(2, 9);
	const a = rng.int(2, 4);
	return {
		shown: `${k} + ${a} ** 2`,
		misread: `(${k} + ${a}) ** 2`,
		misconception: belief`${k} + ${a} ** 2 adds first and then squares, reading from left to right`,
		why: `${k} + ${a} ** 2 squares ${a} first, so it is ${k} + ${a ** 2}, ${k + a ** 2}`,
		steps: `${k} + ${a} ** 2 → ${k} + ${a ** 2} → ${k + a ** 2}`,
	};
};

const inverse: Draw = (rng) => {
	const a = rng.pick([2, 4, 5]);
	const b = rng.int(1, 2);
	return {
		shown: `${a} ** -${b}`,
		misread: `int(${a} ** -${b})`,
		misconception: belief`an int raised to a negative power stays an int, rounded down to 0`,
		why: `an int to a negative power gives a float, so ${a} ** -${b} is ${1 / a ** b}`,
		steps: `${a} ** -${b} → 1 / ${a} ** ${b} → 1 / ${a ** b} → ${1 / a ** b}, a float`,
	};
};

/** Misreading these gives a bigger number; misreading the others a shorter one, so each snippet mixes both. */
const GROWING = { scaled, summed };
const SHRINKING = { negated, tower, inverse };

interface Params {
	pieces: Piece[];
}

export const powerPrecedence = defineFamily<Params>({
	id: "python/power-precedence",
	idea: "py.operators-and-precedence",
	language: "python",
	difficulty: "hard",
	title: "Precedence of ** and unary minus",
	topics: ["operators", "precedence", "exponent", "power", "arithmetic"],
	params: (rng) => ({
		pieces: rng.shuffle([
			...Object.values(GROWING).map((draw) => draw(rng)),
			rng.pick(Object.values(SHRINKING))(rng),
		]),
	}),
	build: ({ pieces }) => {
		const program = (misread: Piece | null) =>
			`print(${pieces.map((p) => (p === misread ? p.misread : p.shown)).join(", ")})\n`;
		return {
			code: program(null),
			trace: pieces.map((p) => p.steps),
			mistakes: pieces.map((p) => ({
				misconception: p.misconception,
				code: program(p),
			})),
			explain: (answer) =>
				`In Python, ${pieces.map((p) => p.why).join("; ")}. It prints ${answer}.`,
		};
	},
});
