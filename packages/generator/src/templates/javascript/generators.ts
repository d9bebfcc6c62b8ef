import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { agree, allOf, listed } from "../prose.js";

interface Source {
	lines: string[];
	call: string;
	values: number[];
}

const range = (n: number, f: (i: number) => number) =>
	Array.from({ length: n }, (_, i) => f(i));

/** A generator function, built for a length and a factor (ignored by some). */
type SourceFunction = (n: number, k: number) => Source;
const SOURCES: readonly SourceFunction[] = [
	(n, k) => ({
		lines: [
			"function* multiples(k, n) {",
			"  for (let i = 1; i <= n; i++) yield i * k;",
			"}",
		],
		call: `multiples(${k}, ${n})`,
		values: range(n, (i) => (i + 1) * k),
	}),
	(n) => ({
		lines: [
			"function* squares(n) {",
			"  for (let i = 0; i < n; i++) yield i * i;",
			"}",
		],
		call: `squares(${n})`,
		values: range(n, (i) => i * i),
	}),
	(n) => ({
		lines: ["function* countdown(n) {", "  while (n > 0) yield n--;", "}"],
		call: `countdown(${n})`,
		values: range(n, (i) => n - i),
	}),
	(n, k) => ({
		lines: [
			"function* steps(from, by, n) {",
			"  for (let i = 0; i < n; i++) yield from + i * by;",
			"}",
		],
		call: `steps(${k}, 3, ${n})`,
		values: range(n, (i) => k + i * 3),
	}),
];
/** a generator that returns a value: its name and the values it may yield or return */
const RETURNS: readonly { fn: string; values: readonly string[] }[] = [
	{
		fn: "plan",
		values: ['"draft"', '"review"', '"ship"', '"done"', '"test"', '"merge"'],
	},
	{ fn: "levels", values: ["10", "20", "30", "40", "50", "99"] },
	{
		fn: "moves",
		values: ['"left"', '"up"', '"right"', '"down"', '"jump"', '"stop"'],
	},
	{ fn: "answers", values: ["3", "1", "4", "0", "5", "9"] },
	{
		fn: "colors",
		values: ['"red"', '"blue"', '"green"', '"gold"', '"pink"', '"teal"'],
	},
];
const SHAPES = ["spread", "return", "break"] as const;
const VARIABLES = ["it", "gen", "stream", "source"];

/** A generator read with next() and spread (spread), or left early with break (break). */
interface Read {
	shape: "spread" | "break";
	source: SourceFunction;
	length: number;
	factor: number;
	/** break: how many values the loop takes */
	depth: number;
	variable: string;
}
/** A generator that yields `depth` values and then returns one. */
interface Returned {
	shape: "return";
	theme: (typeof RETURNS)[number];
	depth: number;
	variable: string;
	/** the values it may yield, in order, then the one it returns */
	picks: string[];
}
type Params = Read | Returned;

export const generators = defineFamily<Params>({
	id: "javascript/generators",
	idea: "js.generators",
	language: "javascript",
	difficulty: "hard",
	title: "Generators and iterators",
	topics: ["generators", "iterators", "yield", "spread", "laziness"],
	params: (rng) => {
		const shape = rng.pick(SHAPES);
		const length = rng.int(4, 6);
		if (shape === "return") {
			const theme = rng.pick(RETURNS);
			// the factor of the other shapes, drawn here too so that every seed keeps its challenge
			rng.int(2, 9);
			return {
				shape,
				theme,
				depth: rng.int(2, 3),
				variable: rng.pick(VARIABLES),
				picks: rng.sample(theme.values, 4),
			};
		}
		return {
			shape,
			source: rng.pick(SOURCES),
			length,
			factor: rng.int(2, 9),
			// break: from 1, "the value stays" and "starts again" print the same
			depth: rng.int(2, length - 2),
			variable: rng.pick(VARIABLES),
		};
	},
	build: (p) => {
		switch (p.shape) {
			case "spread":
				return spread(p);
			case "return":
				return returned(p);
			case "break":
				return broken(p);
		}
	},
});

const sourceOf = ({ source, length, factor }: Read) => source(length, factor);

function spread(p: Read) {
	const g = p.variable;
	const { lines, call, values } = sourceOf(p);
	const program = (end: string[]) =>
		[
			...lines,
			`const ${g} = ${call};`,
			`const first = ${g}.next().value;`,
			...end,
			"",
		].join("\n");
	return {
		code: program([`console.log(first, [...${g}], [...${g}]);`]),
		mistakes: [
			{
				misconception: belief`each spread of ${g} starts the generator again from its first value`,
				code: program([`console.log(first, [...${call}], [...${call}]);`]),
			},
			{
				misconception: belief`spreading ${g} gives every value it yields, including the one next() already took`,
				code: program([`console.log(first, [first, ...${g}], [...${g}]);`]),
			},
			{
				misconception: belief`a generator can be spread again and gives the same values each time`,
				code: program([
					`const rest = [...${g}];`,
					"console.log(first, rest, rest);",
				]),
			},
			{
				// a line of its own, so it combines with the beliefs about the spreads
				misconception: belief`next() uses up the whole generator, not just one value, so nothing is left for either spread`,
				code: program([
					`${g}.return();`,
					`console.log(first, [...${g}], [...${g}]);`,
				]),
			},
		],
		explain: (answer: string) =>
			`${g} is one generator object, and reading it uses it up. next() takes ${values[0]}; the first spread reads the rest, ${listed(values.slice(1).map(String))}, until the generator is done; ` +
			`the second spread finds it finished and gives []. It prints ${answer}.`,
		trace: [
			`${g}.next(): { value: ${values[0]}, done: false }, so first = ${values[0]}`,
			`first [...${g}]: [${values.slice(1).join(", ")}], then ${g} is done`,
			`second [...${g}]: nothing left, []`,
		],
	};
}

function returned({ theme: { fn }, depth, variable: g, picks }: Returned) {
	const yielded = picks.slice(0, depth);
	const last = itemAt(picks, 3);
	const reading = (n: number) =>
		`Array.from({ length: ${n} }, () => ${g}.next().value)`;
	const program = (ending: string, read = reading(depth + 2)) =>
		[
			`function* ${fn}() {`,
			...yielded.map((v) => `  yield ${v};`),
			`  ${ending};`,
			"}",
			`const all = [...${fn}()];`,
			`const ${g} = ${fn}();`,
			`const read = ${read};`,
			"console.log(all, read);",
			"",
		].join("\n");
	return {
		code: program(`return ${last}`),
		mistakes: [
			{
				misconception: belief`return ${last} ends the generator with one more value, so the spread includes it`,
				code: program(`yield ${last}`),
			},
			{
				misconception: belief`the value of return is lost: once the yields are used up, next() gives undefined`,
				code: program("return"),
			},
			{
				misconception: belief`a finished generator starts again, so the last next() gives the first value`,
				code: program(
					`return ${last}`,
					`[...${reading(depth + 1)}, ${fn}().next().value]`,
				),
			},
		],
		explain: (answer: string) =>
			`Spread (like for...of) stops at the first result whose done is true, and the result of return has done: true, so [...${fn}()] holds only the yielded ${listed([...yielded])}. ` +
			`next() shows more: after ${allOf(depth, "yield")} it returns { value: ${last}, done: true }, and after that { value: undefined, done: true } for ever. It prints ${answer}.`,
		trace: [
			`[...${fn}()] stops at the done of return ${last}: all = [${yielded.join(", ")}]`,
			...yielded.map(
				(v, i) => `${g}.next() #${i + 1}: { value: ${v}, done: false }`,
			),
			`${g}.next() #${depth + 1}: { value: ${last}, done: true }`,
			`${g}.next() #${depth + 2}: { value: undefined, done: true }`,
			`read = [${[...yielded, last, "undefined"].join(", ")}]`,
		],
	};
}

function broken(p: Read) {
	const g = p.variable;
	const { lines, call, values } = sourceOf(p);
	const { depth } = p;
	// how many values are left, not which: the answer's [] was always the shortest option
	const program = (loop: string, rest = `[...${g}].length`) =>
		[
			...lines,
			`const ${g} = ${call};`,
			"const seen = [];",
			`${loop} {`,
			"  seen.push(value);",
			`  if (seen.length === ${depth}) break;`,
			"}",
			`console.log(seen, ${rest});`,
			"",
		].join("\n");
	const forOf = `for (const value of ${g})`;
	// a loop over next() that never calls the generator's return(), as a paused generator would need
	const paused = `for (let r = ${g}.next(), value = r.value; !r.done; r = ${g}.next(), value = r.value)`;
	return {
		code: program(forOf),
		mistakes: [
			{
				misconception: belief`break only pauses ${g}, so the values after ${values[depth - 1]} can still be read`,
				code: program(paused),
			},
			{
				misconception: belief`spreading ${g} starts the generator again from its first value`,
				code: program(forOf, `[...${call}].length`),
			},
			{
				misconception: belief`the value the loop stopped at, ${values[depth - 1]}, stays in ${g} and is read again`,
				code: program(paused, `[seen.at(-1), ...${g}].length`),
			},
		],
		explain: (answer: string) =>
			`for...of takes ${listed(values.slice(0, depth).map(String))} from ${g}. Leaving the loop early with break calls ${g}.return(), which closes the generator for good, ` +
			`so the spread afterwards finds it finished and gives [], of length 0, even though ${listed(values.slice(depth).map(String))} ${agree(values.slice(depth), "was", "were")} never read. It prints ${answer}.`,
		trace: [
			`for...of takes ${values.slice(0, depth).join(", ")}: seen = [${values.slice(0, depth).join(", ")}]`,
			`seen.length === ${depth}: break calls ${g}.return(), and ${g} is done`,
			`[...${g}] = [], length 0; ${values.slice(depth).join(", ")} ${agree(values.slice(depth), "is", "are")} never yielded`,
		],
	};
}
