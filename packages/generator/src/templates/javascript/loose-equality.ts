import { belief } from "../belief.js";
import { defineFamily } from "../family.js";

interface Pair {
	left: string;
	right: string;
	/** left == right, then what each belief predicts: same truthiness, same text, same number */
	loose: boolean;
	truthy: boolean;
	text: boolean;
	number: boolean;
	why: string;
	/** the comparison after each conversion, left side first, when == converts */
	steps: readonly (readonly [string, string])[];
	/** why it ends as it does when there is nothing to convert */
	note?: string;
}

type Predictions = Pick<Pair, "loose" | "truthy" | "text" | "number">;

const pair = (
	left: string,
	right: string,
	predictions: Predictions,
	why: string,
	steps: readonly (readonly [string, string])[] = [],
	note?: string,
): Pair => ({ left, right, ...predictions, why, steps, note });

// each row checked against node: the comparison, Boolean(l) === Boolean(r), String(l) === String(r), Number(l) === Number(r)
const PAIRS: readonly Pair[] = [
	pair(
		"0",
		'""',
		{ loose: true, truthy: true, text: false, number: true },
		'"" converts to the number 0',
		[["0", "0"]],
	),
	pair(
		'"1"',
		"1",
		{ loose: true, truthy: true, text: true, number: true },
		'"1" converts to the number 1',
		[["1", "1"]],
	),
	pair(
		"null",
		"undefined",
		{ loose: true, truthy: true, text: false, number: false },
		"null and undefined are loosely equal to each other and to nothing else",
		[],
		"equal by a rule of their own, unconverted",
	),
	pair(
		"null",
		"0",
		{ loose: false, truthy: true, text: false, number: true },
		"null is loosely equal only to undefined, so it is not converted to 0",
		[],
		"null is loosely equal only to undefined",
	),
	pair(
		"NaN",
		"NaN",
		{ loose: false, truthy: true, text: true, number: false },
		"NaN is not equal to anything, itself included",
		[],
		"NaN equals nothing",
	),
	pair(
		'"0"',
		"false",
		{ loose: true, truthy: false, text: false, number: true },
		'false converts to 0 and "0" to 0',
		[
			['"0"', "0"],
			["0", "0"],
		],
	),
	pair(
		"[]",
		'""',
		{ loose: true, truthy: false, text: true, number: true },
		'the array converts to its text, ""',
		[['""', '""']],
	),
	pair(
		"[2]",
		"2",
		{ loose: true, truthy: true, text: true, number: true },
		'the array converts to "2", then to the number 2',
		[
			['"2"', "2"],
			["2", "2"],
		],
	),
	pair(
		'" 3 "',
		"3",
		{ loose: true, truthy: true, text: false, number: true },
		'" 3 " converts to 3: spaces around a number are ignored',
		[["3", "3"]],
	),
	pair(
		"undefined",
		"0",
		{ loose: false, truthy: true, text: false, number: false },
		"undefined is loosely equal only to null",
		[],
		"undefined is loosely equal only to null",
	),
	pair(
		'"true"',
		"true",
		{ loose: false, truthy: true, text: true, number: false },
		'true converts to 1, and "true" to NaN',
		[
			['"true"', "1"],
			["NaN", "1"],
		],
	),
	pair(
		"[1, 2]",
		'"1,2"',
		{ loose: true, truthy: true, text: true, number: false },
		'the array converts to its text, "1,2"',
		[['"1,2"', '"1,2"']],
	),
	pair(
		"[]",
		"[]",
		{ loose: false, truthy: true, text: true, number: true },
		"two array literals are two objects, and == compares objects by reference",
		[],
		"two different objects",
	),
	pair(
		'""',
		"false",
		{ loose: true, truthy: true, text: false, number: true },
		'false converts to 0 and "" to 0',
		[
			['""', "0"],
			["0", "0"],
		],
	),
	pair(
		"null",
		"false",
		{ loose: false, truthy: true, text: false, number: true },
		"null is loosely equal only to undefined, so not to false",
		[["null", "0"]],
		"null is loosely equal only to undefined",
	),
	pair(
		"[0]",
		"false",
		{ loose: true, truthy: false, text: false, number: true },
		'false converts to 0, and the array to "0", then 0',
		[
			["[0]", "0"],
			['"0"', "0"],
			["0", "0"],
		],
	),
];

interface Params {
	/** in the order printed */
	pairs: Pair[];
	/** whether each comparison is written right side first */
	swapped: boolean[];
}

/** the real rule, then each mistaken one */
const RULES = ["loose", "strict", "truthy", "text", "number"] as const;

/** What a rule gives for a pair: under === no pair here is equal. */
const predicted = (rule: (typeof RULES)[number], p: Pair) =>
	rule === "strict" ? false : p[rule];

export const looseEquality = defineFamily<Params>({
	id: "javascript/loose-equality",
	idea: "js.type-coercion",
	language: "javascript",
	difficulty: "easy",
	title: "Loose equality (==) and type coercion",
	topics: ["equality", "coercion", "operators", "comparison", "types"],
	params: (rng) => {
		// every rule must print its own line of booleans, so no mistake prints the answer
		for (;;) {
			const pairs = rng.sample(PAIRS, 4);
			const lines = RULES.map((rule) =>
				pairs.map((p) => predicted(rule, p)).join(),
			);
			if (new Set(lines).size === RULES.length)
				return { pairs, swapped: pairs.map(() => rng.bool()) };
		}
	},
	build: ({ pairs, swapped }) => {
		const chosen = pairs.map((p, k) =>
			swapped[k] ? { ...p, left: p.right, right: p.left } : p,
		);
		const program = (compare: (p: Pair) => string) =>
			`console.log(${chosen.map(compare).join(", ")});\n`;
		const loose = (p: Pair) => `${p.left} == ${p.right}`;
		return {
			code: program(loose),
			mistakes: [
				{
					misconception: belief`== compares like ===, so values of different types are never equal`,
					code: program((p) => `${p.left} === ${p.right}`),
				},
				{
					misconception: belief`== checks whether both sides are truthy or both are falsy`,
					code: program((p) => `Boolean(${p.left}) === Boolean(${p.right})`),
				},
				{
					misconception: belief`== compares the two sides as text`,
					code: program((p) => `String(${p.left}) === String(${p.right})`),
				},
				{
					misconception: belief`== always converts both sides to numbers`,
					code: program((p) => `Number(${p.left}) === Number(${p.right})`),
				},
			],
			explain: (answer) =>
				"When the two sides of == have different types, JavaScript converts them before it compares; null and undefined are the exception. " +
				`${chosen.map((p) => `${loose(p)} is ${p.loose}: ${p.why}`).join("; ")}. It prints ${answer}.`,
			trace: pairs.map((p, k) => {
				const flip = ([l, r]: readonly [string, string]) =>
					swapped[k] ? ([r, l] as const) : ([l, r] as const);
				const chain = [[p.left, p.right] as const, ...p.steps]
					.map(flip)
					.map(([l, r]) => `${l} == ${r}`);
				return `${chain.join(" → ")} → ${p.loose}${p.note ? ` (${p.note})` : ""}`;
			}),
		};
	},
});
