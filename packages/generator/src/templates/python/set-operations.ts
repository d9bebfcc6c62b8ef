import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { threeOf } from "../item-at.js";

const NAMES = [
	["seen", "wanted"],
	["mine", "yours"],
	["before", "after"],
	["morning", "evening"],
	["team_a", "team_b"],
	["tags", "filters"],
] as const;
const OPERATORS = ["-", "&", "|", "^"] as const;

type Operator = (typeof OPERATORS)[number];

interface Params {
	names: readonly [string, string];
	left: number[];
	right: number[];
	/** null: a set literal; otherwise the list with repeats that set() is built from */
	leftList: number[] | null;
	shown: Operator[];
}

/** Each operator's mistake: the operator a learner confuses it with, and why. */
const CONFUSED: Record<Operator, [Operator, (term: string) => Belief]> = {
	"-": [
		"^",
		(t) => belief`${t} also keeps the items that only the right-hand set has`,
	],
	"&": [
		"|",
		(t) => belief`${t} combines the two sets, as in “these and those”`,
	],
	"|": ["^", (t) => belief`${t} leaves out the items the two sets share`],
	"^": [
		"&",
		(t) =>
			belief`${t} gives the items the two sets have in common, like the ∧ (and) of logic`,
	],
};

/** What each operator keeps, for a sentence about sets a and b. */
const KEEPS: Record<Operator, (a: string, b: string) => string> = {
	"-": (a, b) => `${a} but not in ${b}`,
	"&": () => "both",
	"|": () => "either",
	"^": () => "exactly one of them",
};

const apply = (op: Operator, a: number[], b: number[]) => {
	const inA = (n: number) => a.includes(n);
	const inB = (n: number) => b.includes(n);
	const all = [1, 2, 3, 4, 5, 6, 7];
	const kept = {
		"-": (n: number) => inA(n) && !inB(n),
		"&": (n: number) => inA(n) && inB(n),
		"|": (n: number) => inA(n) || inB(n),
		"^": (n: number) => inA(n) !== inB(n),
	}[op];
	return `{${all.filter(kept).join(", ")}}`;
};

/** Two sets of 1..7, each with items the other lacks and some in common, so every operator gives a different result. */
function drawSets(rng: Rng): [number[], number[]] {
	const shuffled = rng.shuffle([1, 2, 3, 4, 5, 6, 7]);
	const [shared, onlyA, onlyB] = threeOf(shuffled);
	const rest = shuffled.slice(3);
	const a = [shared, onlyA];
	const b = [shared, onlyB];
	for (const n of rest.slice(0, rng.int(1, 3))) rng.pick([a, b, a]).push(n);
	return [a.sort((x, y) => x - y), b.sort((x, y) => x - y)];
}

// only small non-negative integers: a set of them prints in ascending order on every CPython
export const setOperations = defineFamily<Params>({
	id: "python/set-operations",
	idea: "py.sets",
	language: "python",
	difficulty: "medium",
	title: "Set operators: -, &, | and ^",
	topics: ["sets", "set operations", "operators", "intersection", "union"],
	params: (rng) => {
		const [left, right] = drawSets(rng);
		const repeated = rng.pick(left);
		return {
			names: rng.pick(NAMES),
			left,
			right,
			leftList: rng.bool() ? null : rng.shuffle([...left, repeated]),
			shown: rng.sample(OPERATORS, 3),
		};
	},
	build: ({ names: [a, b], left, right, leftList, shown }) => {
		const created = leftList
			? `set([${leftList.join(", ")}])`
			: `{${left.join(", ")}}`;
		const program = (terms: string[]) =>
			`${a} = ${created}\n${b} = {${right.join(", ")}}\nprint(${terms.join(", ")})\n`;
		const term = (op: Operator) => `${a} ${op} ${b}`;
		// one clause per operator the snippet prints, in its order; the sets hold commas, so ";" separates them
		const clauses = shown.map(
			(op) =>
				`${term(op)} keeps what is in ${KEEPS[op](a, b)}: ${apply(op, left, right)}`,
		);
		const leftSet = apply("|", left, []);
		const rightSet = `{${right.join(", ")}}`;
		return {
			code: program(shown.map(term)),
			trace: [
				...(leftList
					? [`set([${leftList.join(", ")}]) → ${leftSet} (the repeat dropped)`]
					: []),
				...shown.map(
					(op) =>
						`${term(op)} → ${leftSet} ${op} ${rightSet} → ${apply(op, left, right)}`,
				),
			],
			mistakes: shown.map((op) => {
				const [other, confused] = CONFUSED[op];
				return {
					misconception: confused(term(op)),
					code: program(shown.map((o) => (o === op ? term(other) : term(o)))),
				};
			}),
			explain: (answer) =>
				(leftList
					? `set([${leftList.join(", ")}]) drops the repeat, so ${a} is ${leftSet}. `
					: "") +
				`${clauses.slice(0, -1).join("; ")}; and ${clauses.at(-1)}. ` +
				`It prints ${answer}.`,
		};
	},
});
