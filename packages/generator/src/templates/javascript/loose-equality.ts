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
}

const pair = (
	left: string,
	right: string,
	[loose, truthy, text, number]: [boolean, boolean, boolean, boolean],
	why: string,
): Pair => ({ left, right, loose, truthy, text, number, why });

// each row checked against node: the comparison, Boolean(l) === Boolean(r), String(l) === String(r), Number(l) === Number(r)
const PAIRS: Pair[] = [
	pair("0", '""', [true, true, false, true], '"" converts to the number 0'),
	pair('"1"', "1", [true, true, true, true], '"1" converts to the number 1'),
	pair(
		"null",
		"undefined",
		[true, true, false, false],
		"null and undefined are loosely equal to each other and to nothing else",
	),
	pair(
		"null",
		"0",
		[false, true, false, true],
		"null is loosely equal only to undefined, so it is not converted to 0",
	),
	pair(
		"NaN",
		"NaN",
		[false, true, true, false],
		"NaN is not equal to anything, itself included",
	),
	pair(
		'"0"',
		"false",
		[true, false, false, true],
		'false converts to 0 and "0" to 0',
	),
	pair(
		"[]",
		'""',
		[true, false, true, true],
		'the array converts to its text, ""',
	),
	pair(
		"[2]",
		"2",
		[true, true, true, true],
		'the array converts to "2", then to the number 2',
	),
	pair(
		'" 3 "',
		"3",
		[true, true, false, true],
		'" 3 " converts to 3: spaces around a number are ignored',
	),
	pair(
		"undefined",
		"0",
		[false, true, false, false],
		"undefined is loosely equal only to null",
	),
	pair(
		'"true"',
		"true",
		[false, true, true, false],
		'true converts to 1, and "true" to NaN',
	),
	pair(
		"[1, 2]",
		'"1,2"',
		[true, true, true, false],
		'the array converts to its text, "1,2"',
	),
	pair(
		"[]",
		"[]",
		[false, true, true, true],
		"two array literals are two objects, and == compares objects by reference",
	),
	pair(
		'""',
		"false",
		[true, true, false, true],
		'false converts to 0 and "" to 0',
	),
	pair(
		"null",
		"false",
		[false, true, false, true],
		"null is loosely equal only to undefined, so not to false",
	),
	pair(
		"[0]",
		"false",
		[true, false, false, true],
		'false converts to 0, and the array to "0", then 0',
	),
];

interface Params {
	/** indexes into PAIRS, in the order printed */
	pairs: number[];
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
	language: "javascript",
	difficulty: "easy",
	title: "Loose equality (==) and type coercion",
	topics: ["equality", "coercion", "operators", "comparison", "types"],
	params: (rng) => {
		// every rule must print its own line of booleans, so no mistake prints the answer
		for (;;) {
			const pairs = rng.sample(
				PAIRS.map((_, i) => i),
				4,
			);
			const lines = RULES.map((rule) =>
				pairs.map((i) => PAIRS[i] && predicted(rule, PAIRS[i])).join(),
			);
			if (new Set(lines).size === RULES.length)
				return { pairs, swapped: pairs.map(() => rng.bool()) };
		}
	},
	build: ({ pairs, swapped }) => {
		const chosen = pairs.map((i, k) => {
			const p = PAIRS[i] ?? PAIRS[0];
			if (!p) throw new RangeError(`no pair ${i}`);
			return swapped[k] ? { ...p, left: p.right, right: p.left } : p;
		});
		const program = (compare: (p: Pair) => string) =>
			`console.log(${chosen.map(compare).join(", ")});\n`;
		const loose = (p: Pair) => `${p.left} == ${p.right}`;
		return {
			code: program(loose),
			mistakes: [
				{
					misconception:
						"== compares like ===, so values of different types are never equal",
					code: program((p) => `${p.left} === ${p.right}`),
				},
				{
					misconception:
						"== checks whether both sides are truthy or both are falsy",
					code: program((p) => `Boolean(${p.left}) === Boolean(${p.right})`),
				},
				{
					misconception: "== compares the two sides as text",
					code: program((p) => `String(${p.left}) === String(${p.right})`),
				},
				{
					misconception: "== always converts both sides to numbers",
					code: program((p) => `Number(${p.left}) === Number(${p.right})`),
				},
			],
			explain: (answer) =>
				"When the two sides of == have different types, JavaScript converts them first: null and undefined only equal each other, " +
				"a boolean becomes a number, a string next to a number becomes a number, and an object becomes its text. Two objects are equal only if they are the same object. " +
				`${chosen.map((p) => `${loose(p)} is ${p.loose}: ${p.why}`).join("; ")}. It prints ${answer}.`,
		};
	},
});
