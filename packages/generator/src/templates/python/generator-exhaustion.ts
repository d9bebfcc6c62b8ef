import { defineFamily } from "../family.js";

interface Source {
	/** the def line */
	def: string;
	body: string[];
	call: string;
	values: number[];
}

const range = (n: number, f: (i: number) => number) =>
	Array.from({ length: n }, (_, i) => f(i));

/** Generator functions, each built for a length and a factor (ignored by some). */
const GENERATORS: ((limit: number, k: number) => Source)[] = [
	(limit) => ({
		def: "def squares(limit):",
		body: ["for n in range(limit):", "    yield n * n"],
		call: `squares(${limit})`,
		values: range(limit, (n) => n * n),
	}),
	(limit, k) => ({
		def: "def multiples(k, limit):",
		body: ["for n in range(1, limit + 1):", "    yield n * k"],
		call: `multiples(${k}, ${limit})`,
		values: range(limit, (n) => (n + 1) * k),
	}),
	(limit) => ({
		def: "def countdown(start):",
		body: ["while start > 0:", "    yield start", "    start -= 1"],
		call: `countdown(${limit})`,
		values: range(limit, (n) => limit - n),
	}),
	(limit, k) => ({
		def: "def powers(base, limit):",
		body: ["for n in range(limit):", "    yield base ** n"],
		call: `powers(${k}, ${limit})`,
		values: range(limit, (n) => k ** n),
	}),
	(limit) => ({
		def: "def odds(limit):",
		body: ["for n in range(1, limit * 2, 2):", "    yield n"],
		call: `odds(${limit})`,
		values: range(limit, (n) => n * 2 + 1),
	}),
];
const SHAPES = ["next", "in", "zip"] as const;

interface Params {
	generator: number;
	limit: number;
	factor: number;
	shape: (typeof SHAPES)[number];
	/** how far the first step reads: the index looked for, or how many pairs zip makes */
	depth: number;
	variable: string;
}

export const generatorExhaustion = defineFamily<Params>({
	id: "python/generator-exhaustion",
	language: "python",
	difficulty: "hard",
	title: "Generators are used up as they are read",
	topics: ["generators", "iterators", "yield", "laziness"],
	params: (rng) => {
		const limit = rng.int(4, 7);
		const generator = rng.int(0, GENERATORS.length - 1);
		return {
			generator,
			limit,
			// only multiples and powers take a factor
			factor:
				generator === 1 ? rng.int(2, 9) : generator === 3 ? rng.int(2, 3) : 0,
			shape: rng.pick(SHAPES),
			depth: rng.int(1, limit - 3),
			variable: rng.pick(["gen", "it", "stream", "source", "feed", "values"]),
		};
	},
	build: ({ generator, limit, factor, shape, depth, variable: g }) => {
		const make = GENERATORS[generator];
		if (!make) throw new RangeError(`no generator ${generator}`);
		const gen = make(limit, factor);
		const values = gen.values;
		const fresh = gen.call;
		const target = values[depth];
		const letters = "abcde".slice(0, depth);
		const steps: Record<(typeof SHAPES)[number], string> = {
			next: `first, second = next(${g}), next(${g})\nprint(first, second, list(${g}))`,
			in: `found = ${target} in ${g}\nprint(found, list(${g}))`,
			zip: `pairs = list(zip(${g}, "${letters}"))\nprint(len(pairs), list(${g}))`,
		};
		const program = (step: string) =>
			[
				gen.def,
				...gen.body.map((l) => `    ${l}`),
				"",
				`${g} = ${fresh}`,
				step,
				"",
			].join("\n");
		const step = steps[shape];
		const [head, show] = step.split("\n") as [string, string];
		const allOfIt = show.replace(`list(${g})`, `list(${fresh})`);
		const mistakes = [
			{
				misconception:
					"each use of a generator starts again from its first value",
				code: program(
					`${shape === "next" ? `first, second = next(${g}), next(${fresh})` : head}\n${allOfIt}`,
				),
			},
			{
				misconception: "a generator is empty once anything has read from it",
				code: program(`${head}\n${show.replace(`list(${g})`, "[]")}`),
			},
		];
		if (shape === "next")
			mistakes.push({
				misconception: `list(${g}) gives every value ${g} yields, including the ones next() has already taken`,
				code: program(`${head}\n${allOfIt}`),
			});
		if (shape === "in")
			mistakes.push({
				misconception:
					"`in` stops at the value it finds and leaves that value in the generator",
				code: program(`${head}\n${g} = iter([${target}, *${g}])\n${show}`),
			});
		if (shape === "zip")
			mistakes.push({
				misconception: `zip stops as soon as it has ${depth} pair${depth > 1 ? "s" : ""}, without reading another value from ${g}`,
				code: program(`pairs = list(zip("${letters}", ${g}))\n${show}`),
			});
		const rest = (from: number) => `[${values.slice(from).join(", ")}]`;
		const why: Record<(typeof SHAPES)[number], string> = {
			next: `The two next(${g}) calls take ${values[0]} and ${values[1]}, and list(${g}) carries on from there, giving ${rest(2)}.`,
			in: `\`${target} in ${g}\` reads values until it finds ${target}, so ${values.slice(0, depth + 1).join(", ")} are used up and list(${g}) gives ${rest(depth + 1)}.`,
			zip: `zip asks ${g} for a value before it asks "${letters}"; after ${depth} pair${depth > 1 ? "s" : ""} it reads ${values[depth]} from ${g}, finds "${letters}" exhausted and stops, so ${values[depth]} is lost and list(${g}) gives ${rest(depth + 1)}.`,
		};
		return {
			code: program(step),
			mistakes,
			explain: (answer) =>
				`${g} = ${fresh} creates one generator, and every read takes values from it for good; nothing starts over. ${why[shape]} It prints ${answer}.`,
		};
	},
});
