import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { agree, counted, listed } from "../prose.js";

interface Source {
	/** the def line */
	def: string;
	body: string[];
	call: string;
	values: number[];
}

const range = (n: number, f: (i: number) => number) =>
	Array.from({ length: n }, (_, i) => f(i));

/** A generator function: the factor it is built with (0 for those that take none), and its source for a length and that factor. */
interface GeneratorFunction {
	factor(rng: Rng): number;
	source(limit: number, factor: number): Source;
}

const noFactor = () => 0;

const GENERATORS: readonly GeneratorFunction[] = [
	{
		factor: noFactor,
		source: (limit) => ({
			def: "def squares(limit):",
			body: ["for n in range(limit):", "    yield n * n"],
			call: `squares(${limit})`,
			values: range(limit, (n) => n * n),
		}),
	},
	{
		factor: (rng) => rng.int(2, 9),
		source: (limit, k) => ({
			def: "def multiples(k, limit):",
			body: ["for n in range(1, limit + 1):", "    yield n * k"],
			call: `multiples(${k}, ${limit})`,
			values: range(limit, (n) => (n + 1) * k),
		}),
	},
	{
		factor: noFactor,
		source: (limit) => ({
			def: "def countdown(start):",
			body: ["while start > 0:", "    yield start", "    start -= 1"],
			call: `countdown(${limit})`,
			values: range(limit, (n) => limit - n),
		}),
	},
	{
		factor: (rng) => rng.int(2, 3),
		source: (limit, k) => ({
			def: "def powers(base, limit):",
			body: ["for n in range(limit):", "    yield base ** n"],
			call: `powers(${k}, ${limit})`,
			values: range(limit, (n) => k ** n),
		}),
	},
	{
		factor: noFactor,
		source: (limit) => ({
			def: "def odds(limit):",
			body: ["for n in range(1, limit * 2, 2):", "    yield n"],
			call: `odds(${limit})`,
			values: range(limit, (n) => n * 2 + 1),
		}),
	},
];
const SHAPES = ["next", "in", "zip"] as const;
type Shape = (typeof SHAPES)[number];

interface Params {
	generator: GeneratorFunction;
	limit: number;
	factor: number;
	shape: Shape;
	/** how far the first step reads: the index looked for, or how many pairs zip makes */
	depth: number;
	variable: string;
}

/** What a shape's snippet and explanation need to know of this instance. */
interface Context {
	g: string;
	/** the call that makes a fresh generator */
	fresh: string;
	values: number[];
	depth: number;
	target: number | undefined;
	letters: string;
	rest(from: number): string;
	program(step: string): string;
}

/** A way of reading the generator first, then printing what it read and what is left. */
interface ShapeVariant {
	head(c: Context): string;
	/** the head as one who believes each use of a generator starts it again reads it */
	restartedHead(c: Context): string;
	print(left: string): string;
	/** the belief about this way of reading, and the program that prints what it predicts */
	mistake(c: Context, head: string): { misconception: Belief; code: string };
	why(c: Context): string;
	/** the reads of the first step, then what list() gets and the printed line */
	trace(c: Context): string[];
}

const pairs = (depth: number) => counted(depth, "pair");
const inHead = ({ g, target }: Context) => `found = ${target} in ${g}`;
const zipHead = ({ g, letters }: Context) =>
	`pairs = list(zip(${g}, "${letters}"))`;

const SHAPE_VARIANTS: Record<Shape, ShapeVariant> = {
	next: {
		head: ({ g }) => `first, second = next(${g}), next(${g})`,
		// g itself is never read, so list(g) gives every value with no edit to the print line:
		// this belief then combines with those about list(g)
		restartedHead: ({ fresh }) =>
			`first, second = next(${fresh}), next(${fresh})`,
		print: (left) => `print(first, second, ${left})`,
		mistake: ({ g, fresh, program }, head) => ({
			misconception: belief`list(${g}) gives every value ${g} yields, including the ones next() has already taken`,
			code: program(`${head}\nprint(first, second, list(${fresh}))`),
		}),
		why: ({ g, values, rest }) =>
			`The two next(${g}) calls take ${values[0]} and ${values[1]}, and list(${g}) carries on from there, giving ${rest(2)}.`,
		trace: ({ g, values, rest }) => [
			`next(${g}) → ${values[0]}, then next(${g}) → ${values[1]}`,
			`list(${g}) → ${rest(2)}, the values not yet taken`,
			`print(first, second, list(${g})) → ${values[0]} ${values[1]} ${rest(2)}`,
		],
	},
	in: {
		head: inHead,
		restartedHead: inHead,
		print: (left) => `print(found, ${left})`,
		mistake: ({ g, target, program }, head) => ({
			misconception: belief`\`in\` stops at the value it finds and leaves that value in the generator`,
			code: program(
				`${head}\n${g} = iter([${target}, *${g}])\nprint(found, list(${g}))`,
			),
		}),
		why: ({ g, target, values, depth, rest }) =>
			`\`${target} in ${g}\` reads values until it finds ${target}, so ${listed(values.slice(0, depth + 1).map(String))} ${agree(depth + 1, "is", "are")} used up and list(${g}) gives ${rest(depth + 1)}.`,
		trace: ({ g, target, values, depth, rest }) => [
			`${target} in ${g} reads ${values.slice(0, depth + 1).join(", ")} and stops at ${target} → True`,
			`list(${g}) → ${rest(depth + 1)}, the values after ${target}`,
			`print(found, list(${g})) → True ${rest(depth + 1)}`,
		],
	},
	zip: {
		head: zipHead,
		restartedHead: zipHead,
		print: (left) => `print(len(pairs), ${left})`,
		mistake: ({ g, depth, letters, program }) => ({
			misconception: belief`zip stops as soon as it has ${pairs(depth)}, without reading another value from ${g}`,
			code: program(
				`pairs = list(zip("${letters}", ${g}))\nprint(len(pairs), list(${g}))`,
			),
		}),
		why: ({ g, values, depth, letters, rest }) =>
			`zip asks ${g} for a value before it asks "${letters}"; after ${pairs(depth)} it reads ${values[depth]} from ${g}, finds "${letters}" exhausted and stops, so ${values[depth]} is lost and list(${g}) gives ${rest(depth + 1)}.`,
		trace: ({ g, values, depth, letters, rest }) => [
			`zip pairs ${listed(
				values
					.slice(0, depth)
					.map((v, i) => `${v} with '${letters.charAt(i)}'`),
			)}`,
			`zip reads ${values[depth]} from ${g}, finds "${letters}" used up and stops: ${values[depth]} is lost`,
			`list(${g}) → ${rest(depth + 1)}`,
			`print(len(pairs), list(${g})) → ${depth} ${rest(depth + 1)}`,
		],
	},
};

export const generatorExhaustion = defineFamily<Params>({
	id: "python/generator-exhaustion",
	idea: "py.generators",
	language: "python",
	difficulty: "hard",
	title: "Generators are used up as they are read",
	topics: ["generators", "iterators", "yield", "laziness"],
	params: (rng) => {
		const limit = rng.int(4, 7);
		const generator = rng.pick(GENERATORS);
		return {
			generator,
			limit,
			factor: generator.factor(rng),
			shape: rng.pick(SHAPES),
			depth: rng.int(1, limit - 3),
			variable: rng.pick(["gen", "it", "stream", "source", "feed", "values"]),
		};
	},
	build: ({ generator, limit, factor, shape, depth, variable: g }) => {
		const gen = generator.source(limit, factor);
		const values = gen.values;
		const fresh = gen.call;
		const program = (step: string) =>
			[
				gen.def,
				...gen.body.map((l) => `    ${l}`),
				"",
				`${g} = ${fresh}`,
				step,
				"",
			].join("\n");
		const c: Context = {
			g,
			fresh,
			values,
			depth,
			target: values[depth],
			letters: "abcde".slice(0, depth),
			rest: (from) => `[${values.slice(from).join(", ")}]`,
			program,
		};
		const variant = SHAPE_VARIANTS[shape];
		const head = variant.head(c);
		const step = (first: string, left: string) =>
			program(`${first}\n${variant.print(left)}`);
		return {
			code: step(head, `list(${g})`),
			trace: [
				`${g} = ${fresh}: one generator, to yield ${values.join(", ")}`,
				...variant.trace(c),
			],
			mistakes: [
				{
					misconception: belief`each use of a generator starts again from its first value`,
					code:
						shape === "next"
							? step(variant.restartedHead(c), `list(${g})`)
							: step(variant.restartedHead(c), `list(${fresh})`),
				},
				{
					misconception: belief`a generator is empty once anything has read from it`,
					code: step(head, "[]"),
				},
				variant.mistake(c, head),
			],
			explain: (answer) =>
				`${g} = ${fresh} creates one generator, and every read takes values from it for good; nothing starts over. ${variant.why(c)} It prints ${answer}.`,
		};
	},
});
