import type { Rng } from "../../rng.js";
import { defineFamily } from "../family.js";

/** Recursive functions: name, base case, and the body of the recursive step. */
const RECURSIVE = [
	["fib", "n < 2 ? n", "fib(n - 1) + fib(n - 2)"],
	["ways", "n < 2 ? 1", "ways(n - 1) + ways(n - 2)"],
	["pell", "n < 2 ? n", "2 * pell(n - 1) + pell(n - 2)"],
] as const;
/** one-argument functions, for two memoised functions that share a cache */
const UNARY: [string, string, (n: number) => number][] = [
	["double", "n * 2", (n) => n * 2],
	["square", "n * n", (n) => n * n],
	["next", "n + 1", (n) => n + 1],
	["negate", "-n", (n) => -n],
	["triple", "n * 3", (n) => n * 3],
	["cube", "n ** 3", (n) => n ** 3],
];
/** two-argument functions, for a cache keyed on the first argument only */
const BINARY: [string, string, (a: number, b: number) => number][] = [
	["power", "a ** b", (a, b) => a ** b],
	["add", "a + b", (a, b) => a + b],
	["times", "a * b", (a, b) => a * b],
	["minus", "a - b", (a, b) => a - b],
];
const COUNTERS = ["calls", "runs", "computed", "misses"];
const SHAPES = ["wrapped", "shared", "key"] as const;

interface Params {
	shape: (typeof SHAPES)[number];
	/** the recursive function, the pair of unary functions, or the binary function */
	fns: number[];
	/** the arguments of the calls, in order; a pair per call for "key" */
	args: number[];
	counter: string;
}

/** How many times a fib-shaped recursion runs without a cache. */
const tree = (n: number): number => (n < 2 ? 1 : 1 + tree(n - 1) + tree(n - 2));

/** What each belief prints for the cache shapes: the real one, a cache per key or function, every call counted, one result for all. */
function beliefs(p: Params): string[] {
	const calls =
		p.shape === "shared"
			? [0, 1, 2, 3].map((i) => ({
					fn: p.fns[i % 2] ?? 0,
					args: [p.args[i] ?? 0],
				}))
			: [0, 1, 2].map((i) => ({
					fn: p.fns[0] ?? 0,
					args: [p.args[2 * i] ?? 0, p.args[2 * i + 1] ?? 0],
				}));
	const run = (fn: number, args: number[]) =>
		p.shape === "shared"
			? (UNARY[fn]?.[2] ?? Math.abs)(args[0] ?? 0)
			: (BINARY[fn]?.[2] ?? Math.max)(args[0] ?? 0, args[1] ?? 0);
	const simulate = (
		key: (c: (typeof calls)[number]) => string,
		countAll = false,
	) => {
		const cache = new Map<string, number>();
		let count = 0;
		const out = calls.map((c) => {
			if (countAll) count++;
			if (!cache.has(key(c))) {
				if (!countAll) count++;
				cache.set(key(c), run(c.fn, c.args));
			}
			return cache.get(key(c));
		});
		return [...out, count].join(" ");
	};
	const first = (c: (typeof calls)[number]) => String(c.args[0]);
	return [
		simulate(first),
		simulate((c) => `${c.fn}:${c.args.join(",")}`),
		simulate(first, true),
		simulate(() => "one"),
	];
}

function draw(rng: Rng, shape: Params["shape"]): Pick<Params, "fns" | "args"> {
	if (shape === "wrapped") {
		const a = rng.int(4, 8);
		return {
			fns: [rng.int(0, RECURSIVE.length - 1)],
			args: [a, rng.bool() ? a : rng.int(1, a - 1)],
		};
	}
	for (;;) {
		const [x = 1, y = 2, z = 3] = rng.sample([1, 2, 3, 4, 5], 3);
		const picked =
			shape === "shared"
				? {
						fns: rng.sample([0, 1, 2, 3, 4, 5], 2),
						// each argument is used by both functions, in one of these orders
						args: rng.pick([
							[x, x, y, y],
							[x, y, y, x],
							[x, y, x, y],
						]),
					}
				: // (a, b), then the same a with another b, then a new a
					{ fns: [rng.int(0, BINARY.length - 1)], args: [x, y, x, z, y, y] };
		if (new Set(beliefs({ shape, counter: "", ...picked })).size === 4)
			return picked;
	}
}

export const memoization = defineFamily<Params>({
	id: "javascript/memoization",
	language: "javascript",
	difficulty: "hard",
	title: "Memoisation and its cache",
	topics: ["memoization", "memoisation", "caching", "recursion", "closures"],
	params: (rng) => {
		const shape = rng.pick(SHAPES);
		return { shape, counter: rng.pick(COUNTERS), ...draw(rng, shape) };
	},
	build: (p) => (p.shape === "wrapped" ? wrapped(p) : cached(p)),
});

function wrapped({ fns, args: [a = 4, b = 4], counter }: Params) {
	const [fn, base, step] = RECURSIVE[fns[0] ?? 0] ?? RECURSIVE[0];
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
				misconception: `memoize(${fn}) also caches the recursive calls inside ${fn}`,
				code: program({
					use: [`${fn} = memoize(${fn});`, `const fast = ${fn};`],
				}),
			},
			same
				? {
						misconception: `every call to fast starts with an empty cache`,
						code: program({ use: [`const fast = (n) => memoize(${fn})(n);`] }),
					}
				: {
						misconception: `fast(${a}) fills the cache with every value it worked out on the way, so fast(${b}) is answered from it`,
						code: program({
							second: [
								`const before = ${counter};`,
								`const second = fast(${b});`,
								`${counter} = before;`,
							],
						}),
					},
			{
				misconception: `${fn} runs only when fast finds nothing in the cache, once per call of fast at most`,
				code: program({ countInWrapper: true }),
			},
		],
		explain: (answer: string) =>
			`memoize(${fn}) caches only the calls that go through fast. Inside ${fn}, the recursive calls name ${fn} itself, the function without a cache, ` +
			`so fast(${a}) runs ${fn} ${tree(a)} times, once for every call in the recursion tree. ` +
			(same
				? `The second fast(${a}) is answered from the cache and runs nothing. `
				: `fast(${b}) is a new key for the cache, which holds only ${a}, so it runs ${fn} ${tree(b)} more times. `) +
			`It prints ${answer}.`,
	};
}

function cached(p: Params) {
	const { shape, fns, args, counter } = p;
	const shared = shape === "shared";
	const calls = shared
		? args.map((n, i) => `${UNARY[fns[i % 2] ?? 0]?.[0]}(${n})`)
		: [0, 1, 2].map(
				(i) =>
					`${BINARY[fns[0] ?? 0]?.[0]}(${args[2 * i]}, ${args[2 * i + 1]})`,
			);
	const params = shared ? "n" : "a, b";
	const key = shared ? "n" : "a";
	const program = (o: {
		key?: string;
		countAll?: boolean;
		ownCache?: boolean;
	}) => {
		const k = o.key ?? key;
		const store = `cache[${k}]`;
		return [
			`let ${counter} = 0;`,
			...(shared && !o.ownCache ? ["const cache = {};"] : []),
			"function memo(f) {",
			...(!shared || o.ownCache ? ["  const cache = {};"] : []),
			`  return (${params}) => {`,
			...(o.countAll ? [`    ${counter}++;`] : []),
			`    if (!(${k} in cache)) {`,
			...(o.countAll ? [] : [`      ${counter}++;`]),
			`      ${store} = f(${params});`,
			"    }",
			`    return ${store};`,
			"  };",
			"}",
			...(shared
				? [0, 1].map((i) => {
						const [name, body] = UNARY[fns[i] ?? 0] ?? ["f", "n"];
						return `const ${name} = memo((n) => ${body});`;
					})
				: [
						`const ${BINARY[fns[0] ?? 0]?.[0]} = memo((a, b) => ${BINARY[fns[0] ?? 0]?.[1]});`,
					]),
			`console.log(${calls.join(", ")}, ${counter});`,
			"",
		].join("\n");
	};
	const names = shared ? fns.map((i) => UNARY[i]?.[0]) : [];
	return {
		code: program({}),
		mistakes: [
			shared
				? {
						misconception: `${names[0]} and ${names[1]} each keep their own cache`,
						code: program({ ownCache: true }),
					}
				: {
						misconception: "the cache key is made of both arguments",
						code: program({ key: "[a, b].join()" }),
					},
			{
				misconception: `${counter} counts every call, including those answered from the cache`,
				code: program({ countAll: true }),
			},
			{
				misconception:
					"memo remembers one result and returns it whatever the argument",
				code: program({ key: '"result"' }),
			},
		],
		explain: (answer: string) =>
			(shared
				? `There is one cache object, created outside memo, and both ${names[0]} and ${names[1]} use it with the bare number as the key. ` +
					`So the first call for a number stores its result, and a later call for that number, from either function, returns that result without running its own function. `
				: "The cache key is a alone: b plays no part in it. So the first call with a given a stores its result, and a later call with the same a returns that result even with another b. ") +
			`${counter} goes up only when the key is missing: ${beliefs(p)[0]?.split(" ").at(-1)} times. It prints ${answer}.`,
	};
}
