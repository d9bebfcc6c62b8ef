import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed } from "../prose.js";

/** a linear recursion's function, and the array it pushes to */
const LINEAR: readonly { fn: string; out: string }[] = [
	{ fn: "down", out: "out" },
	{ fn: "countdown", out: "order" },
	{ fn: "visit", out: "seen" },
	{ fn: "climb", out: "steps" },
];
const TREES = ["walk", "fib", "split", "explore"];
const SEPARATORS = [" ", ",", " > "];

/** One call per call, pushing n * factor before or after the next call. */
interface Linear {
	shape: "linear";
	names: (typeof LINEAR)[number];
	/** counts up, or down */
	up: boolean;
	start: number;
	step: number;
	/** the bound that stops it */
	bound: number;
	/** push before the recursive call, or after it returns */
	pre: boolean;
	factor: number;
}
/** Two calls per call, logging n * factor first. */
interface Tree {
	shape: "tree";
	fn: string;
	start: number;
	/** the n below which a call stops */
	bound: number;
	factor: number;
	separator: string;
}
type Params = Linear | Tree;

export const recursion = defineFamily<Params>({
	id: "javascript/recursion",
	idea: "js.recursion-and-memoisation",
	language: "javascript",
	difficulty: "medium",
	title: "The order of recursive calls",
	topics: ["recursion", "call stack", "base case", "functions"],
	params: (rng) => {
		// drawn for both shapes, each using what it needs
		const name = rng.int(0, 3);
		const up = rng.bool();
		const factor = rng.pick([1, 1, 2, 3, 10]);
		const separator = rng.pick(SEPARATORS);
		if (rng.int(0, 2) > 0) {
			const step = rng.pick([1, 1, 2]);
			const count = rng.int(2, 5);
			// the base case comes after `count` pushes: counting up from 0-3, or down to 0-3
			const low = rng.int(0, 3);
			const high = low + count * step;
			return {
				shape: "linear",
				names: itemAt(LINEAR, name),
				up,
				factor,
				step,
				bound: up ? high - 1 : low,
				pre: rng.bool(),
				start: up ? low : high,
			};
		}
		const bound = rng.int(1, 2);
		return {
			shape: "tree",
			fn: itemAt(TREES, name),
			factor,
			separator,
			bound,
			start: rng.int(bound + 2, bound + 3),
		};
	},
	build: (p) => (p.shape === "linear" ? linear(p) : tree(p)),
});

function linear({
	names: { fn, out },
	up,
	start,
	step,
	bound,
	pre,
	factor,
}: Linear) {
	const next = up ? `n + ${step}` : `n - ${step}`;
	const stops = (n: string) =>
		up ? `${n} >= ${bound + 1}` : `${n} <= ${bound}`;
	const pushed = factor === 1 ? "n" : `n * ${factor}`;
	const push = `  ${out}.push(${pushed});`;
	const program = (o: {
		pre?: boolean;
		base?: string;
		baseFirst?: boolean;
	}) => {
		const first = o.pre ?? pre;
		const base = [`  if (${o.base ?? stops("n")}) return;`];
		const basePushes = [
			`  if (${o.base ?? stops("n")}) {`,
			`    ${out}.push(${pushed});`,
			"    return;",
			"  }",
		];
		return [
			`const ${out} = [];`,
			`function ${fn}(n) {`,
			...(o.baseFirst ? (first ? [push, ...base] : basePushes) : base),
			...(o.baseFirst && first ? [] : first ? [push] : []),
			`  ${fn}(${next});`,
			...(first ? [] : [push]),
			"}",
			`${fn}(${start});`,
			`console.log(${out});`,
			"",
		].join("\n");
	};
	const calls: number[] = [];
	for (let n = start; up ? n < bound + 1 : n > bound; n += up ? step : -step)
		calls.push(n);
	const values = calls.map((n) => n * factor);
	const last = itemAt(calls, calls.length - 1) + (up ? step : -step);
	const shown = pre ? values : [...values].reverse();
	return {
		code: program({}),
		mistakes: [
			pre
				? {
						misconception: belief`the values come out on the way back, deepest call first, wherever the push is written`,
						code: program({ pre: false }),
					}
				: {
						misconception: belief`each call pushes its value as the call is made, so the first call's value comes first`,
						code: program({ pre: true }),
					},
			{
				misconception: belief`the call that meets the base case (${stops("n")}) still pushes its value before returning`,
				code: program({ baseFirst: true }),
			},
			{
				misconception: belief`the recursion stops one call early, as soon as the next call would meet the base case`,
				code: program({ base: stops(next) }),
			},
		],
		explain: (answer: string) =>
			`${fn}(${start}) calls itself with ${next} until ${stops("n")}, and that last call returns without pushing: the calls push ${listed(values.map(String))}. ` +
			(pre
				? "Each call pushes before it makes the next call, so the values are in the order the calls were made. "
				: `Each call pushes only after the call it made has returned, so the deepest call pushes first and ${fn}(${start}) last: the order is reversed, ${listed(shown.map(String))}. `) +
			`It prints ${answer}.`,
		trace: [
			...calls.map((n) =>
				pre
					? `${fn}(${n}): push ${n * factor}, then call ${fn}(${n + (up ? step : -step)})`
					: `${fn}(${n}): call ${fn}(${n + (up ? step : -step)}) first, push ${n * factor} once it returns`,
			),
			`${fn}(${last}): ${stops(String(last))}, so it returns without pushing`,
			pre
				? `${out} = [${shown.join(", ")}]`
				: `the calls return deepest first: ${out} = [${shown.join(", ")}]`,
		],
	};
}

function tree({ fn, start, bound, factor, separator }: Tree) {
	const value = factor === 1 ? "n" : `n * ${factor}`;
	const children = [`${fn}(n - 1);`, `${fn}(n - 2);`];
	const program = (body: string[], end = `log.join("${separator}")`) =>
		[
			"const log = [];",
			`function ${fn}(n) {`,
			...body.map((line) => `  ${line}`),
			"}",
			`${fn}(${start});`,
			`console.log(${end});`,
			"",
		].join("\n");
	const base = (below: number) => `if (n < ${below}) return;`;
	const record = `log.push(${value});`;
	// breadth first: every call at one depth before any call one level deeper
	const levels = [
		"const queue = [n];",
		"while (queue.length) {",
		"  const m = queue.shift();",
		`  log.push(${factor === 1 ? "m" : `m * ${factor}`});`,
		`  if (m >= ${bound}) queue.push(m - 1, m - 2);`,
		"}",
	];
	const order: number[] = [];
	const visit = (n: number) => {
		order.push(n);
		if (n < bound) return;
		visit(n - 1);
		visit(n - 2);
	};
	visit(start);
	/** what a call logs, with every call it makes */
	const subtree = (n: number): number[] =>
		n < bound
			? [n * factor]
			: [n * factor, ...subtree(n - 1), ...subtree(n - 2)];
	return {
		code: program([record, base(bound), ...children]),
		mistakes: [
			{
				misconception: belief`each call logs after the calls it makes, so the deepest calls come first`,
				code: program([
					`if (n < ${bound}) {`,
					`  ${record}`,
					"  return;",
					"}",
					...children,
					record,
				]),
			},
			{
				misconception: belief`the calls run level by level: ${fn}(${start - 1}) and ${fn}(${start - 2}) both log before any call they make`,
				code: program(levels),
			},
			{
				misconception: belief`n < ${bound} also stops a call with n equal to ${bound}`,
				code: program([record, base(bound + 1), ...children]),
			},
		],
		explain: (answer: string) =>
			`Each call logs its n first, then runs ${fn}(n - 1) to the end, with every call it makes in turn, before ${fn}(n - 2) starts: the calls go depth first. ` +
			`A call with n below ${bound} logs and returns. So ${fn}(${start}) makes ${order.length} calls, for n = ${order.join(", ")}. It prints ${answer}.`,
		trace: [
			`${fn}(${start}) logs ${start * factor}, then calls ${fn}(${start - 1})`,
			`${fn}(${start - 1}), with all its calls, logs ${subtree(start - 1).join(", ")}`,
			`then ${fn}(${start - 2}), with all its calls, logs ${subtree(start - 2).join(", ")}`,
			`log = [${order.map((n) => n * factor).join(", ")}]`,
		],
	};
}
