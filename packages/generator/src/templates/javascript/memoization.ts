import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily, type Instance } from "../family.js";
import { threeOf, twoOf } from "../item-at.js";
import {
	allDiffer,
	BINARY,
	type Binary,
	beliefs,
	type CacheProgram,
	cacheProgram,
	keyedCalls,
	sharedCalls,
	UNARY,
	type Unary,
} from "../javascript-memo-cache.js";
import { counted, listed, times } from "../prose.js";

/** A recursive function: its name, base case, and the body of the recursive step. */
interface Recursive {
	name: string;
	base: string;
	step: string;
}
const RECURSIVE: readonly Recursive[] = [
	{ name: "fib", base: "n < 2 ? n", step: "fib(n - 1) + fib(n - 2)" },
	{ name: "ways", base: "n < 2 ? 1", step: "ways(n - 1) + ways(n - 2)" },
	{ name: "pell", base: "n < 2 ? n", step: "2 * pell(n - 1) + pell(n - 2)" },
];

const COUNTERS = ["calls", "runs", "computed", "misses"];
const SHAPES = ["wrapped", "shared", "key"] as const;

/** memoize(fn) wraps a recursion whose inner calls bypass the cache; `first` and `second` are the arguments of the two calls. */
interface Wrapped {
	shape: "wrapped";
	counter: string;
	fn: Recursive;
	first: number;
	second: number;
}
/** Two functions memoised over one cache keyed by the bare number; `args` are the four calls' arguments, alternating functions. */
interface Shared {
	shape: "shared";
	counter: string;
	fns: readonly [Unary, Unary];
	args: readonly [number, number, number, number];
}
/** A two-argument function whose cache is keyed by its first argument. */
interface Keyed {
	shape: "key";
	counter: string;
	fn: Binary;
	calls: readonly (readonly [number, number])[];
}
type Params = Wrapped | Shared | Keyed;

function drawWrapped(rng: Rng, counter: string): Wrapped {
	const first = rng.int(4, 8);
	const fn = rng.pick(RECURSIVE);
	const second = rng.bool() ? first : rng.int(1, first - 1);
	return { shape: "wrapped", counter, fn, first, second };
}

/** Three distinct small arguments. */
const threeArguments = (rng: Rng) => threeOf(rng.sample([1, 2, 3, 4, 5], 3));

function drawShared(rng: Rng, counter: string): Shared {
	for (;;) {
		const [x, y] = threeArguments(rng);
		const picked = {
			fns: twoOf(rng.sample(UNARY, 2)),
			// each argument is used by both functions, in one of these orders
			args: rng.pick([
				[x, x, y, y],
				[x, y, y, x],
				[x, y, x, y],
			] as const),
		};
		if (allDiffer(sharedCalls(picked.fns, picked.args)))
			return { shape: "shared", counter, ...picked };
	}
}

function drawKeyed(rng: Rng, counter: string): Keyed {
	for (;;) {
		const [x, y, z] = threeArguments(rng);
		// (a, b), then the same a with another b, then a new a
		const picked = {
			fn: rng.pick(BINARY),
			calls: [
				[x, y],
				[x, z],
				[y, y],
			] as const,
		};
		if (allDiffer(keyedCalls(picked.fn, picked.calls)))
			return { shape: "key", counter, ...picked };
	}
}

export const memoization = defineFamily<Params>({
	id: "javascript/memoization",
	idea: "js.recursion-and-memoisation",
	language: "javascript",
	difficulty: "hard",
	title: "Memoisation and its cache",
	topics: ["memoization", "memoisation", "caching", "recursion", "closures"],
	params: (rng) => {
		const shape = rng.pick(SHAPES);
		const counter = rng.pick(COUNTERS);
		switch (shape) {
			case "wrapped":
				return drawWrapped(rng, counter);
			case "shared":
				return drawShared(rng, counter);
			case "key":
				return drawKeyed(rng, counter);
		}
	},
	build: (p) => {
		switch (p.shape) {
			case "wrapped":
				return wrapped(p);
			case "shared":
				return shared(p);
			case "key":
				return keyed(p);
		}
	},
});

/** What the recursive function returns for n. */
function resultOf(name: string, n: number): number {
	if (n < 2) return name === "ways" ? 1 : n;
	const [a, b] = [resultOf(name, n - 1), resultOf(name, n - 2)];
	return name === "pell" ? 2 * a + b : a + b;
}

/** The lines of a trace through a cache: each call, whether its key is there, and the counter. */
function cacheTrace(
	counter: string,
	calls: readonly { call: string; key: number; body: string; value: number }[],
): string[] {
	const cache = new Map<number, number>();
	const lines = calls.map(({ call, key, body, value }) => {
		const stored = cache.get(key);
		if (stored !== undefined)
			return `${call}: key ${key} is in the cache, so it returns ${stored}`;
		cache.set(key, value);
		const computed = body === String(value) ? body : `${body} = ${value}`;
		return `${call}: key ${key} is missing, so it stores ${computed}; ${counter} = ${cache.size}`;
	});
	return [...lines, `${counter} = ${cache.size}`];
}

/** How many times a fib-shaped recursion runs without a cache. */
const tree = (n: number): number => (n < 2 ? 1 : 1 + tree(n - 1) + tree(n - 2));

function wrapped({
	fn: { name: fn, base, step },
	first: a,
	second: b,
	counter,
}: Wrapped): Instance {
	const program = (o: {
		use?: string[];
		second?: string[];
		countInWrapper?: boolean;
	}) =>
		[
			`let ${counter} = 0;`,
			`function ${fn}(n) {`,
			...(o.countInWrapper ? [] : [`  ${counter}++;`]),
			`  return ${base} : ${step};`,
			"}",
			"function memoize(f) {",
			"  const cache = new Map();",
			"  return (n) => {",
			o.countInWrapper
				? `    if (!cache.has(n)) {\n      ${counter}++;\n      cache.set(n, f(n));\n    }`
				: "    if (!cache.has(n)) cache.set(n, f(n));",
			"    return cache.get(n);",
			"  };",
			"}",
			...(o.use ?? [`const fast = memoize(${fn});`]),
			`const first = fast(${a});`,
			...(o.second ?? [`const second = fast(${b});`]),
			`console.log(first, second, ${counter});`,
			"",
		].join("\n");
	const same = a === b;
	return {
		code: program({}),
		mistakes: [
			{
				misconception: belief`memoize(${fn}) also caches the recursive calls inside ${fn}`,
				code: program({
					use: [`${fn} = memoize(${fn});`, `const fast = ${fn};`],
				}),
			},
			same
				? {
						misconception: belief`every call to fast starts with an empty cache`,
						code: program({ use: [`const fast = (n) => memoize(${fn})(n);`] }),
					}
				: {
						misconception: belief`fast(${a}) fills the cache with every value it worked out on the way, so fast(${b}) is answered from it`,
						code: program({
							second: [
								`const before = ${counter};`,
								`const second = fast(${b});`,
								`${counter} = before;`,
							],
						}),
					},
			{
				misconception: belief`${fn} runs only when fast finds nothing in the cache, once per call of fast at most`,
				code: program({ countInWrapper: true }),
			},
		],
		explain: (answer: string) =>
			`memoize(${fn}) caches only the calls that go through fast. Inside ${fn}, the recursive calls name ${fn} itself, the function without a cache, ` +
			`so fast(${a}) runs ${fn} ${times(tree(a))}, once for every call in the recursion tree. ` +
			(same
				? `The second fast(${a}) is answered from the cache and runs nothing. `
				: `fast(${b}) is a new key for the cache, which holds only ${a}, so it runs ${fn} ${counted(tree(b), "more time")}. `) +
			`It prints ${answer}.`,
		trace: [
			`fast(${a}): ${a} is not in the cache, so ${fn}(${a}) runs; its inner calls skip the cache`,
			`${fn} runs ${times(tree(a))} in all: first = ${resultOf(fn, a)}, ${counter} = ${tree(a)}`,
			same
				? `fast(${a}) again: ${a} is in the cache, so ${fn} does not run: second = ${resultOf(fn, a)}`
				: `fast(${b}): the cache holds only ${a}, so ${fn} runs ${times(tree(b))} more: second = ${resultOf(fn, b)}`,
			same
				? `${counter} = ${tree(a)}`
				: `${counter} = ${tree(a)} + ${tree(b)} = ${tree(a) + tree(b)}`,
		],
	};
}

const countedAll = (counter: string) =>
	belief`${counter} counts every call, including those answered from the cache`;
/** The belief that a cache is transparent: it saves work but never changes what a call returns. */
const resultUnchanged = (so: string) =>
	belief`a cache only saves work and never changes what a call returns, so ${so}`;

function shared(p: Shared): Instance {
	const { counter, fns } = p;
	const [f, g] = fns;
	const program: CacheProgram = {
		counter,
		params: "n",
		key: "n",
		sharedCache: true,
		definitions: fns.map((fn) => `const ${fn.name} = memo((n) => ${fn.body});`),
		calls: p.args.map((n, i) => `${fns[i % 2 === 0 ? 0 : 1].name}(${n})`),
	};
	const { count } = beliefs(sharedCalls(fns, p.args)).real;
	return {
		code: cacheProgram(program),
		mistakes: [
			{
				misconception: belief`${f.name} and ${g.name} each keep their own cache`,
				code: cacheProgram(program, { sharedCache: false }),
			},
			{
				misconception: countedAll(counter),
				code: cacheProgram(program, { countAll: true }),
			},
			{
				misconception: resultUnchanged(
					`${f.name} and ${g.name} each return their own result for every number`,
				),
				code: cacheProgram(program, { returnsOwn: true }),
			},
		],
		explain: (answer: string) =>
			`There is one cache object, created outside memo, and both ${f.name} and ${g.name} use it with the bare number as the key. ` +
			`So the first call for a number stores its result, and a later call for that number, from either function, returns that result without running its own function. ` +
			`${counter} goes up only when the key is missing, ${times(count)}, for ${listed([...new Set(p.args)].map(String))}. It prints ${answer}.`,
		trace: cacheTrace(
			counter,
			p.args.map((n, i) => {
				const fn = fns[i % 2 === 0 ? 0 : 1];
				return {
					call: `${fn.name}(${n})`,
					key: n,
					body: fn.body.replaceAll("n", String(n)),
					value: fn.apply(n),
				};
			}),
		),
	};
}

function keyed(p: Keyed): Instance {
	const { counter, fn } = p;
	const program: CacheProgram = {
		counter,
		params: "a, b",
		key: "a",
		sharedCache: false,
		definitions: [`const ${fn.name} = memo((a, b) => ${fn.body});`],
		calls: p.calls.map(([a, b]) => `${fn.name}(${a}, ${b})`),
	};
	const { count } = beliefs(keyedCalls(fn, p.calls)).real;
	return {
		code: cacheProgram(program),
		mistakes: [
			{
				misconception: belief`the cache key is made of both arguments`,
				code: cacheProgram(program, { key: "[a, b].join()" }),
			},
			{
				misconception: countedAll(counter),
				code: cacheProgram(program, { countAll: true }),
			},
			{
				misconception: resultUnchanged(
					`every call of ${fn.name} returns ${fn.body} for its own a and b`,
				),
				code: cacheProgram(program, { returnsOwn: true }),
			},
		],
		explain: (answer: string) =>
			"The cache key is a alone: b plays no part in it. So the first call with a given a stores its result, and a later call with the same a returns that result even with another b. " +
			`${counter} goes up only when the key is missing, ${times(count)}, for a = ${listed([...new Set(p.calls.map(([a]) => a))].map(String))}. It prints ${answer}.`,
		trace: cacheTrace(
			counter,
			p.calls.map(([a, b]) => ({
				call: `${fn.name}(${a}, ${b})`,
				key: a,
				body: fn.body.replace("a", String(a)).replace("b", String(b)),
				value: fn.apply(a, b),
			})),
		),
	};
}
