import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt, threeOf } from "../item-at.js";

/** A value whose typeof surprises, and the type name a learner expects for it. */
interface Surprise {
	/** the value, as the snippet writes it */
	literal: string;
	expected: string;
	/** the belief, as a clause */
	belief: Belief;
	/** why typeof says what it says */
	why: string;
	/** what typeof says */
	type: string;
}

/** Kinds of value; one surprise of each kind at most, so no two reasons repeat. */
const KINDS: readonly (readonly Surprise[])[] = [
	[
		{
			literal: "null",
			expected: "null",
			belief: belief`typeof null is "null", since null is a type of its own`,
			why: 'for null, typeof says "object": a bug from the first version of JavaScript that was kept',
			type: "object",
		},
		{
			literal: "null",
			expected: "undefined",
			belief: belief`null and undefined are the same kind of empty value, so typeof null is "undefined"`,
			why: 'for null, typeof says "object": a bug from the first version of JavaScript that was kept',
			type: "object",
		},
	],
	["[1, 2]", "[]", '["a"]', "[0]"].map((literal) => ({
		literal,
		expected: "array",
		belief: belief`typeof ${literal} is "array"`,
		why: 'an array is an object, so typeof says "object" (Array.isArray tells arrays apart)',
		type: "object",
	})),
	["NaN", "0 / 0", 'Number("x")'].map((literal) => ({
		literal,
		expected: "NaN",
		belief: belief`typeof ${literal} is "NaN", since NaN means "not a number"`,
		why: 'NaN is a value of the number type, so typeof says "number"',
		type: "number",
	})),
	["() => 1", "function () {}", "Math.max", "String"].map((literal) => ({
		literal,
		expected: "object",
		belief: belief`typeof ${literal} is "object", since functions are objects`,
		why: 'a function is an object, but typeof gives functions a name of their own, "function"',
		type: "function",
	})),
	["class {}", "Date", "Map"].map((literal) => ({
		literal,
		expected: "class",
		belief: belief`typeof ${literal} is "class"`,
		why: 'a class is a constructor function, so typeof says "function"',
		type: "function",
	})),
	[
		{ literal: "typeof 1", expected: "number" },
		{ literal: "typeof true", expected: "boolean" },
		{ literal: "typeof undefined", expected: "undefined" },
	].map(({ literal, expected }) => ({
		literal,
		expected,
		belief: belief`applying typeof to the result of ${literal} gives "${expected}" again, the type the inner typeof read`,
		why: 'every typeof returns a string, so typeof of a typeof is "string"',
		type: "string",
	})),
	[
		{ literal: 'new String("a")', expected: "string" },
		{ literal: "new Boolean(false)", expected: "boolean" },
		{ literal: "new Number(0)", expected: "number" },
	].map(({ literal, expected }) => ({
		literal,
		expected,
		belief: belief`typeof ${literal} is "${expected}", the type of the value it wraps`,
		why: 'calling new String, new Number or new Boolean makes a wrapper object, so typeof says "object"',
		type: "object",
	})),
	["Promise.resolve(1)", "new Promise(() => {})"].map((literal) => ({
		literal,
		expected: "promise",
		belief: belief`typeof ${literal} is "promise"`,
		why: 'a promise is an object, so typeof says "object"',
		type: "object",
	})),
	["function* () {}"].map((literal) => ({
		literal,
		expected: "generator",
		belief: belief`typeof ${literal} is "generator"`,
		why: 'a generator function is still a function, so typeof says "function"',
		type: "function",
	})),
];

/** Literals that need parentheses after typeof, which binds tighter than / and reads no further than one value. */
const NEEDS_PARENS = /=>| \/ |^class|^function/;

const capitalized = (text: string) =>
	text.charAt(0).toUpperCase() + text.slice(1);

const NAMES = [
	["a", "b", "c"],
	["first", "second", "third"],
	["x", "y", "z"],
	["left", "middle", "right"],
	["one", "two", "three"],
] as const;

interface Params {
	names: readonly [string, string, string];
	drawn: readonly [Surprise, Surprise, Surprise];
	/** the values are named consts, or typeof reads the literals themselves */
	named: boolean;
}

export const typeofValues = defineFamily<Params>({
	id: "javascript/typeof-values",
	idea: "js.typeof",
	language: "javascript",
	difficulty: "easy",
	title: "What typeof says",
	topics: ["typeof", "types", "null", "operators"],
	params: (rng) => {
		const drawn = rng.sample(KINDS, 3).map((kind) => rng.pick(kind));
		return {
			names: rng.pick(NAMES),
			drawn: threeOf(drawn),
			named: rng.bool(),
		};
	},
	build: ({ names, drawn, named }) => {
		const operand = (d: Surprise, i: number) =>
			named
				? itemAt(names, i)
				: NEEDS_PARENS.test(d.literal)
					? `(${d.literal})`
					: d.literal;
		// a mistake replaces one typeof with the name the learner expects
		const program = (wrong?: number) =>
			[
				...(named
					? drawn.map((d, i) => `const ${itemAt(names, i)} = ${d.literal};`)
					: []),
				`console.log(${drawn
					.map((d, i) =>
						i === wrong ? `"${d.expected}"` : `typeof ${operand(d, i)}`,
					)
					.join(", ")});`,
				"",
			].join("\n");
		return {
			code: program(),
			mistakes: drawn.map((d, i) => ({
				misconception: d.belief,
				code: program(i),
			})),
			explain: (answer) =>
				`typeof returns a string naming one of a few types: "undefined", "boolean", "number", "bigint", "string", "symbol", "function" and "object". ` +
				`${drawn.map((d) => capitalized(d.why)).join(". ")}. It prints ${answer}.`,
			trace: drawn.map((d, i) =>
				named
					? `typeof ${itemAt(names, i)}: ${itemAt(names, i)} is ${d.literal} → "${d.type}"`
					: `typeof ${operand(d, i)} → "${d.type}"`,
			),
		};
	},
});
