import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { counted, times } from "../prose.js";

/** A recursive function of arguments `A`, as the snippet writes it and as its calls branch. */
interface Recursion<A extends number[] = number[]> {
	name: string;
	params: string;
	/** the cache key a dict cache uses */
	key: string;
	base: string;
	baseValue: string;
	step: string;
	/** the arguments of the calls a call makes; none for a base case */
	children(args: A): A[];
	/** arguments for a first and a second top-level call */
	draw(int: (min: number, max: number) => number): [A, A];
}

/** Declares a recursion with its arguments typed (the list holds them as plain number lists). */
const defineRecursion = <A extends number[]>(r: Recursion<A>): Recursion => r;

const RECURSIONS: readonly Recursion[] = [
	defineRecursion<[number]>({
		name: "fib",
		params: "n",
		key: "n",
		base: "n < 2",
		baseValue: "n",
		step: "fib(n - 1) + fib(n - 2)",
		children: ([n]) => (n < 2 ? [] : [[n - 1], [n - 2]]),
		draw: (int) => [[int(5, 9)], [int(3, 11)]],
	}),
	defineRecursion<[number]>({
		name: "tri",
		params: "n",
		key: "n",
		base: "n < 3",
		baseValue: "1",
		step: "tri(n - 1) + tri(n - 2) + tri(n - 3)",
		children: ([n]) => (n < 3 ? [] : [[n - 1], [n - 2], [n - 3]]),
		draw: (int) => [[int(5, 7)], [int(3, 8)]],
	}),
	defineRecursion<[number, number]>({
		name: "paths",
		params: "r, c",
		key: "(r, c)",
		base: "r == 0 or c == 0",
		baseValue: "1",
		step: "paths(r - 1, c) + paths(r, c - 1)",
		children: ([r, c]) =>
			r === 0 || c === 0
				? []
				: [
						[r - 1, c],
						[r, c - 1],
					],
		draw: (int) => [
			[int(2, 4), int(2, 4)],
			[int(1, 4), int(1, 4)],
		],
	}),
];
const STYLES = ["lru_cache", "cache", "dict"] as const;
const COUNTERS = ["calls", "runs", "count", "evaluated"];
/** what the counter would read if only the two calls the snippet writes counted */
const TOP_LEVEL_CALLS = 2;

interface Params {
	recursion: Recursion;
	style: (typeof STYLES)[number];
	counter: string;
	first: number[];
	second: number[];
}

/** How many times the body runs: with a cache kept across both calls, none, one emptied in between, or counting cache hits too. */
function counts(r: Recursion, first: number[], second: number[]) {
	const tree = (args: number[]): number =>
		1 + r.children(args).reduce((n, child) => n + tree(child), 0);
	const walk = (seen: Set<string>, args: number[]): number => {
		if (seen.has(String(args))) return 1;
		seen.add(String(args));
		return 1 + r.children(args).reduce((n, child) => n + walk(seen, child), 0);
	};
	const shared = new Set<string>();
	const hits = walk(shared, first) + walk(shared, second);
	const fresh = (args: number[]) => {
		const seen = new Set<string>();
		walk(seen, args);
		return seen.size;
	};
	return {
		cached: shared.size,
		uncached: tree(first) + tree(second),
		cleared: fresh(first) + fresh(second),
		withHits: hits,
	};
}

export const memoizedRecursion = defineFamily<Params>({
	id: "python/memoized-recursion",
	idea: "py.recursion-and-memoisation",
	language: "python",
	difficulty: "hard",
	title: "How often a memoised function runs",
	topics: ["recursion", "memoization", "caching", "lru cache", "functools"],
	params: (rng) => {
		const r = rng.pick(RECURSIONS);
		let [first, second] = r.draw(rng.int);
		// every belief must give its own count, and the two calls their own arguments
		for (let tries = 0; tries < 50; tries++) {
			const c = counts(r, first, second);
			const distinct = new Set([
				c.cached,
				c.uncached,
				c.cleared,
				c.withHits,
				TOP_LEVEL_CALLS,
			]);
			if (distinct.size === 5 && String(first) !== String(second)) break;
			[first, second] = r.draw(rng.int);
		}
		return {
			recursion: r,
			style: rng.pick(STYLES),
			counter: rng.pick(COUNTERS),
			first,
			second,
		};
	},
	build: ({ recursion: r, style, counter, first, second }) => {
		const call = (args: number[]) => `${r.name}(${args.join(", ")})`;
		const program = (belief: Belief = {}) =>
			[
				...header(
					r,
					belief.dict ?? style === "dict",
					style,
					counter,
					belief.cache ?? true,
				),
				...body(r, belief.dict ?? style === "dict", counter, belief),
				"",
				`first = ${call(first)}`,
				...(belief.clear
					? [style === "dict" ? "memo.clear()" : `${r.name}.cache_clear()`]
					: []),
				`second = ${call(second)}`,
				`print(first, second, ${belief.topLevel ? TOP_LEVEL_CALLS : counter})`,
				"",
			].join("\n");
		const c = counts(r, first, second);
		const alone = counts(r, first, first).cached;
		// every recursion adds up its children's values; a base case is n itself (fib) or 1
		const value = (args: number[]): number => {
			const children = r.children(args);
			return children.length === 0
				? r.baseValue === "n"
					? (args[0] ?? 0)
					: 1
				: children.reduce((sum, child) => sum + value(child), 0);
		};
		const added = c.cached - alone;
		return {
			code: program(),
			trace: [
				`${call(first)} → ${value(first)}: the body runs once per new argument, ${counter} = ${alone}`,
				`${call(second)} → ${value(second)}: ${added === 0 ? "every argument it reaches is cached" : `${counted(added, "new argument")}`}, ${counter} = ${c.cached}`,
				`print(first, second, ${counter}) → ${value(first)} ${value(second)} ${c.cached}`,
			],
			mistakes: [
				{
					misconception: belief`the cache does not stop the recursion, so ${r.name} runs once for every call in the call tree`,
					code: program({ cache: false }),
				},
				{
					misconception: belief`each top-level call starts with an empty cache, so ${call(second)} works everything out again`,
					code: program({ clear: true }),
				},
				{
					misconception: belief`the counter ${counter} also goes up for calls answered from the cache`,
					code: program({ hits: true, dict: true }),
				},
				{
					misconception: belief`the counter ${counter} counts only the two calls the snippet writes, ${call(first)} and ${call(second)}, not the calls ${r.name} makes to itself`,
					code: program({ topLevel: true }),
				},
			],
			explain: (answer) =>
				`With the cache, the body of ${r.name} runs only for arguments it has not seen before; a repeat is answered from the cache without running it. ` +
				`${call(first)} runs it once for each distinct argument it reaches: ${times(alone)}. ` +
				(c.cached === alone
					? `The cache is kept between calls, and ${call(second)} reaches only arguments already in it, so the body runs no more. `
					: `The cache is kept between calls, so ${call(second)} runs it only for arguments not seen yet: ${counted(c.cached - alone, "more time")}. `) +
				`Without the cache the body would run ${times(c.uncached)}. It prints ${answer}.`,
		};
	},
});

interface Belief {
	cache?: boolean;
	clear?: boolean;
	/** count the calls answered from the cache too */
	hits?: boolean;
	/** write the cache as a dict, whatever the snippet's style */
	dict?: boolean;
	/** print the number of top-level calls instead of the counter */
	topLevel?: boolean;
}

function header(
	r: Recursion,
	dict: boolean,
	style: Params["style"],
	counter: string,
	cache: boolean,
): string[] {
	if (dict)
		return ["memo = {}", `${counter} = 0`, "", `def ${r.name}(${r.params}):`];
	return [
		`from functools import ${style === "cache" ? "cache" : "lru_cache"}`,
		"",
		`${counter} = 0`,
		"",
		...(cache
			? [style === "cache" ? "@cache" : "@lru_cache(maxsize=None)"]
			: []),
		`def ${r.name}(${r.params}):`,
	];
}

function body(
	r: Recursion,
	dict: boolean,
	counter: string,
	belief: Belief,
): string[] {
	const count = [`    ${counter} += 1`];
	if (!dict)
		return [
			`    global ${counter}`,
			...count,
			`    if ${r.base}:`,
			`        return ${r.baseValue}`,
			`    return ${r.step}`,
		];
	const { key } = r;
	const check =
		(belief.cache ?? true)
			? [`    if ${key} in memo:`, `        return memo[${key}]`]
			: [];
	return [
		`    global ${counter}`,
		...(belief.hits ? [...count, ...check] : [...check, ...count]),
		`    if ${r.base}:`,
		`        result = ${r.baseValue}`,
		"    else:",
		`        result = ${r.step}`,
		`    memo[${key}] = result`,
		"    return result",
	];
}
