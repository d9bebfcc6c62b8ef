// The cached shapes of javascript/memoization: the functions they memoise, the program with the
// changes its mistakes make, and what it prints under each belief about its cache.

/** A one-argument function as the snippet writes it, and what it returns. */
export interface Unary {
	name: string;
	body: string;
	apply(n: number): number;
}
/** for two memoised functions that share a cache */
export const UNARY: readonly Unary[] = [
	{ name: "double", body: "n * 2", apply: (n) => n * 2 },
	{ name: "square", body: "n * n", apply: (n) => n * n },
	{ name: "next", body: "n + 1", apply: (n) => n + 1 },
	{ name: "negate", body: "-n", apply: (n) => -n },
	{ name: "triple", body: "n * 3", apply: (n) => n * 3 },
	{ name: "cube", body: "n ** 3", apply: (n) => n ** 3 },
];

/** A two-argument function as the snippet writes it, and what it returns. */
export interface Binary {
	name: string;
	body: string;
	apply(a: number, b: number): number;
}
/** for a cache keyed on the first argument only */
export const BINARY: readonly Binary[] = [
	{ name: "power", body: "a ** b", apply: (a, b) => a ** b },
	{ name: "add", body: "a + b", apply: (a, b) => a + b },
	{ name: "times", body: "a * b", apply: (a, b) => a * b },
	{ name: "minus", body: "a - b", apply: (a, b) => a - b },
];

/** One call of the printed line: the key the real cache uses, the key of a cache per function and arguments, and the value. */
export interface Call {
	key: number;
	ownKey: string;
	value: number;
}

/** The calls of two functions over one cache, alternating functions. */
export const sharedCalls = (
	fns: readonly [Unary, Unary],
	args: readonly number[],
): Call[] =>
	args.map((n, i) => {
		const fn = fns[i % 2 === 0 ? 0 : 1];
		return { key: n, ownKey: `${fn.name}:${n}`, value: fn.apply(n) };
	});
/** The calls of a function whose cache is keyed by its first argument. */
export const keyedCalls = (
	fn: Binary,
	calls: readonly (readonly [number, number])[],
): Call[] =>
	calls.map(([a, b]) => ({
		key: a,
		ownKey: `${a},${b}`,
		value: fn.apply(a, b),
	}));

/**
 * What the program prints (the calls' results, then the counter) with the cache keyed by `key`;
 * with `ownResult`, each call returns its own function's value whatever the cache holds.
 */
function printed(
	calls: readonly Call[],
	key: (call: Call) => string,
	countAll = false,
	ownResult = false,
): { line: string; count: number } {
	const cache = new Map<string, number>();
	let count = 0;
	const results = calls.map((call) => {
		if (countAll) count++;
		if (!cache.has(key(call))) {
			if (!countAll) count++;
			cache.set(key(call), call.value);
		}
		return ownResult ? call.value : cache.get(key(call));
	});
	return { line: [...results, count].join(" "), count };
}

/** What each belief about the cache prints, to keep only draws where they all differ. */
export function beliefs(calls: readonly Call[]) {
	const byKey = (call: Call) => String(call.key);
	return {
		real: printed(calls, byKey),
		cachePerFunctionOrArguments: printed(calls, (call) => call.ownKey),
		everyCallCounted: printed(calls, byKey, true),
		resultUnchanged: printed(calls, byKey, false, true),
	};
}

/** Every belief prints something else: the draw makes a question with three distinct distractors. */
export const allDiffer = (calls: readonly Call[]) =>
	new Set(Object.values(beliefs(calls)).map((b) => b.line)).size === 4;

/** The snippet of a cached shape, and what each mistaken version changes in it. */
export interface CacheProgram {
	counter: string;
	/** the memoised functions' parameters, and the one the cache is keyed by */
	params: string;
	key: string;
	/** one cache outside memo, shared by every function it wraps (else one per function) */
	sharedCache: boolean;
	definitions: string[];
	calls: string[];
}

/** The snippet, or with `o` one of its mistaken versions. */
export function cacheProgram(
	c: CacheProgram,
	o: {
		key?: string;
		countAll?: boolean;
		sharedCache?: boolean;
		returnsOwn?: boolean;
	} = {},
): string {
	const k = o.key ?? c.key;
	const shared = o.sharedCache ?? c.sharedCache;
	const store = `cache[${k}]`;
	return [
		`let ${c.counter} = 0;`,
		...(shared ? ["const cache = {};"] : []),
		"function memo(f) {",
		...(shared ? [] : ["  const cache = {};"]),
		`  return (${c.params}) => {`,
		...(o.countAll ? [`    ${c.counter}++;`] : []),
		`    if (!(${k} in cache)) {`,
		...(o.countAll ? [] : [`      ${c.counter}++;`]),
		`      ${store} = f(${c.params});`,
		"    }",
		`    return ${o.returnsOwn ? `f(${c.params})` : store};`,
		"  };",
		"}",
		...c.definitions,
		`console.log(${c.calls.join(", ")}, ${c.counter});`,
		"",
	].join("\n");
}
