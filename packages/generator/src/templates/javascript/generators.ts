import { defineFamily } from "../family.js";
import { listed } from "../prose.js";

interface Source {
	lines: string[];
	call: string;
	values: number[];
}

const range = (n: number, f: (i: number) => number) =>
	Array.from({ length: n }, (_, i) => f(i));

/** Generator functions, each built for a length and a factor (ignored by some). */
const SOURCES: ((n: number, k: number) => Source)[] = [
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
/** generator name and the values it may yield or return */
const RETURNS = [
	["plan", ['"draft"', '"review"', '"ship"', '"done"', '"test"', '"merge"']],
	["levels", ["10", "20", "30", "40", "50", "99"]],
	["moves", ['"left"', '"up"', '"right"', '"down"', '"jump"', '"stop"']],
	["answers", ["3", "1", "4", "0", "5", "9"]],
	["colors", ['"red"', '"blue"', '"green"', '"gold"', '"pink"', '"teal"']],
] as const;
const SHAPES = ["spread", "return", "break"] as const;
const VARIABLES = ["it", "gen", "stream", "source"];

interface Params {
	shape: (typeof SHAPES)[number];
	source: number;
	length: number;
	factor: number;
	/** break: how many values the loop takes; return: how many yields before the return */
	depth: number;
	/** return: the values yielded, then the one returned, as indexes into the theme's values */
	picks: number[];
	variable: string;
}

export const generators = defineFamily<Params>({
	id: "javascript/generators",
	language: "javascript",
	difficulty: "hard",
	title: "Generators and iterators",
	topics: ["generators", "iterators", "yield", "spread", "laziness"],
	params: (rng) => {
		const shape = rng.pick(SHAPES);
		const length = rng.int(4, 6);
		return {
			shape,
			source: rng.int(0, (shape === "return" ? RETURNS : SOURCES).length - 1),
			length,
			factor: rng.int(2, 9),
			// break: from 1, "the value stays" and "starts again" print the same
			depth: rng.int(2, shape === "return" ? 3 : length - 2),
			variable: rng.pick(VARIABLES),
			picks: shape === "return" ? rng.sample([0, 1, 2, 3, 4, 5], 4) : [],
		};
	},
	build: (p) =>
		p.shape === "spread"
			? spread(p)
			: p.shape === "return"
				? returned(p)
				: broken(p),
});

const sourceOf = ({ source, length, factor }: Params) => {
	const make = SOURCES[source];
	if (!make) throw new RangeError(`no generator ${source}`);
	return make(length, factor);
};
const show = (values: readonly (number | string)[]) =>
	values.length ? `[ ${values.join(", ")} ]` : "[]";

function spread(p: Params) {
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
				misconception: `each spread of ${g} starts the generator again from its first value`,
				code: program([`console.log(first, [...${call}], [...${call}]);`]),
			},
			{
				misconception: `spreading ${g} gives every value it yields, including the one next() already took`,
				code: program([`console.log(first, [first, ...${g}], [...${g}]);`]),
			},
			{
				misconception: `a generator can be spread again and gives the same values each time`,
				code: program([
					`const rest = [...${g}];`,
					"console.log(first, rest, rest);",
				]),
			},
		],
		explain: (answer: string) =>
			`${g} is one generator object, and reading it uses it up. next() takes ${values[0]}; the first spread reads the rest, ${show(values.slice(1))}, until the generator is done; ` +
			`the second spread finds it finished and gives []. It prints ${answer}.`,
	};
}

function returned({ source, depth, variable: g, picks }: Params) {
	const [fn, pool] = RETURNS[source] ?? RETURNS[0];
	const valueAt = (i: number | undefined) => pool[i ?? 0] ?? pool[0];
	const yielded = picks.slice(0, depth).map(valueAt);
	const last = valueAt(picks[3]);
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
				misconception: `return ${last} ends the generator with one more value, so the spread includes it`,
				code: program(`yield ${last}`),
			},
			{
				misconception: `the value of return is lost: once the yields are used up, next() gives undefined`,
				code: program("return"),
			},
			{
				misconception: `a finished generator starts again, so the last next() gives the first value`,
				code: program(
					`return ${last}`,
					`[...${reading(depth + 1)}, ${fn}().next().value]`,
				),
			},
		],
		explain: (answer: string) =>
			`Spread (like for...of) stops at the first result whose done is true, and the result of return has done: true, so [...${fn}()] holds only the yielded ${listed([...yielded])}. ` +
			`next() shows more: after the ${depth} yields it returns { value: ${last}, done: true }, and after that { value: undefined, done: true } for ever. It prints ${answer}.`,
	};
}

function broken(p: Params) {
	const g = p.variable;
	const { lines, call, values } = sourceOf(p);
	const { depth } = p;
	const program = (loop: string, rest = `[...${g}]`) =>
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
				misconception: `break only pauses ${g}, so the values after ${values[depth - 1]} can still be read`,
				code: program(paused),
			},
			{
				misconception: `spreading ${g} starts the generator again from its first value`,
				code: program(forOf, `[...${call}]`),
			},
			{
				misconception: `the value the loop stopped at, ${values[depth - 1]}, stays in ${g} and is read again`,
				code: program(paused, `[seen.at(-1), ...${g}]`),
			},
		],
		explain: (answer: string) =>
			`for...of takes ${show(values.slice(0, depth))} from ${g}. Leaving the loop early with break calls ${g}.return(), which closes the generator for good, ` +
			`so the spread afterwards finds it finished and gives [], even though ${show(values.slice(depth))} were never read. It prints ${answer}.`,
	};
}
