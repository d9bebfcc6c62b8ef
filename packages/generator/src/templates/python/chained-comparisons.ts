import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";

/** Python's bool as a number, for a comparison read the C way */
const asInt = (b: boolean) => (b ? 1 : 0);
const py = (b: boolean) => (b ? "True" : "False");

/** One printed comparison: as written, as misread (the same with parentheses), and the truth of each. */
interface Piece {
	shown: string;
	misread: string;
	value: boolean;
	misreadValue: boolean;
	misconception: Belief;
	/** a rule the explanation adds for this piece, beyond how chains read */
	why?: string;
	/** the comparison worked out with x and y filled in, ending in its value */
	step: string;
}

type Draw = (rng: Rng, x: number, y: number) => Piece;

const range: Draw = (rng, x) => {
	const lo = rng.int(-2, 4);
	const hi = lo + rng.int(1, 5);
	const first = lo < x;
	return {
		shown: `${lo} < x < ${hi}`,
		misread: `(${lo} < x) < ${hi}`,
		value: first && x < hi,
		misreadValue: asInt(first) < hi,
		misconception: belief`${lo} < x < ${hi} works out ${lo} < x first and then compares that True or False with ${hi}, as C does`,
		step: `${lo} < x < ${hi} → ${lo} < ${x} and ${x} < ${hi} → ${py(first)} and ${py(x < hi)} → ${py(first && x < hi)}`,
	};
};

const equalThree: Draw = (rng, x, y) => {
	const c = rng.pick([0, 1, x, y]);
	const both = x === y;
	return {
		shown: `x == y == ${c}`,
		misread: `(x == y) == ${c}`,
		value: both && y === c,
		misreadValue: asInt(both) === c,
		misconception: belief`x == y == ${c} compares x == y first and then compares that True or False with ${c}`,
		step: `x == y == ${c} → ${x} == ${y} and ${y} == ${c} → ${py(both)} and ${py(y === c)} → ${py(both && y === c)}`,
	};
};

const negated: Draw = (rng, x) => {
	const w = rng.pick([0, 1, x, x + 1]);
	return {
		shown: `not x == ${w}`,
		misread: `(not x) == ${w}`,
		value: x !== w,
		misreadValue: asInt(x === 0) === w,
		misconception: belief`not x == ${w} negates x first and then compares that True or False with ${w}`,
		why: `The not binds more loosely than ==, so not x == ${w} is not (x == ${w}), not (not x) == ${w}`,
		step: `not x == ${w} → not (${x} == ${w}) → not ${py(x === w)} → ${py(x !== w)}`,
	};
};

const descending: Draw = (rng, x, y) => {
	const mid = rng.int(0, 6);
	const first = x > mid;
	return {
		shown: `x > ${mid} > y`,
		misread: `(x > ${mid}) > y`,
		value: first && mid > y,
		misreadValue: asInt(first) > y,
		misconception: belief`x > ${mid} > y works out x > ${mid} first and then compares that True or False with y`,
		step: `x > ${mid} > y → ${x} > ${mid} and ${mid} > ${y} → ${py(first)} and ${py(mid > y)} → ${py(first && mid > y)}`,
	};
};

const DRAWS = { range, equalThree, negated, descending };
type Kind = keyof typeof DRAWS;

interface Params {
	x: number;
	y: number;
	pieces: Piece[];
}

export const chainedComparisons = defineFamily<Params>({
	id: "python/chained-comparisons",
	idea: "py.operators-and-precedence",
	language: "python",
	difficulty: "easy",
	title: "Chained comparisons",
	topics: ["comparisons", "operators", "booleans", "precedence"],
	params: (rng) => {
		for (;;) {
			const x = rng.int(-1, 8);
			const y = rng.int(-1, 8);
			const kinds = rng.sample(Object.keys(DRAWS) as Kind[], 3);
			const pieces = kinds.map((k) => DRAWS[k](rng, x, y));
			// each misreading must print something else, so every mistake changes its own value
			if (pieces.every((p) => p.value !== p.misreadValue))
				return { x, y, pieces };
		}
	},
	build: ({ x, y, pieces }) => {
		const program = (misread: Piece | null) =>
			[
				`x = ${x}`,
				`y = ${y}`,
				`print(${pieces.map((p) => (p === misread ? p.misread : p.shown)).join(", ")})`,
				"",
			].join("\n");
		return {
			code: program(null),
			mistakes: pieces.map((p) => ({
				misconception: p.misconception,
				code: program(p),
			})),
			explain: (answer) =>
				`Python chains comparisons: a < b < c means a < b and b < c, with b worked out once, never (a < b) < c. ` +
				pieces.map((p) => (p.why ? `${p.why}. ` : "")).join("") +
				`Here x is ${x} and y is ${y}, and it prints ${answer}.`,
			trace: pieces.map((p) => p.step),
		};
	},
});
