import { defineFamily } from "../family.js";
import { listed } from "../prose.js";

const LINEAR = [
	["down", "out"],
	["countdown", "order"],
	["visit", "seen"],
	["climb", "steps"],
] as const;
const TREES = ["walk", "fib", "split", "explore"];
const SEPARATORS = [" ", ",", " > "];

interface Params {
	shape: "linear" | "tree";
	name: number;
	/** linear: counts up (true) or down; tree: unused */
	up: boolean;
	start: number;
	step: number;
	/** the base case: linear, the bound that stops it; tree, the n below which a call stops */
	bound: number;
	/** linear: push before the recursive call (true) or after it returns */
	pre: boolean;
	/** what is pushed: n times this */
	factor: number;
	separator: string;
}

export const recursion = defineFamily<Params>({
	id: "javascript/recursion",
	language: "javascript",
	difficulty: "medium",
	title: "The order of recursive calls",
	topics: ["recursion", "call stack", "base case", "functions"],
	params: (rng) => {
		const common = {
			name: rng.int(0, 3),
			up: rng.bool(),
			factor: rng.pick([1, 1, 2, 3, 10]),
			separator: rng.pick(SEPARATORS),
		};
		if (rng.int(0, 2) > 0) {
			const step = rng.pick([1, 1, 2]);
			const count = rng.int(2, 5);
			// the base case comes after `count` pushes: counting up from 0-3, or down to 0-3
			const low = rng.int(0, 3);
			const high = low + count * step;
			return {
				shape: "linear",
				...common,
				step,
				bound: common.up ? high - 1 : low,
				pre: rng.bool(),
				start: common.up ? low : high,
			};
		}
		const bound = rng.int(1, 2);
		return {
			shape: "tree",
			...common,
			step: 0,
			bound,
			pre: true,
			start: rng.int(bound + 2, bound + 3),
		};
	},
	build: (p) => (p.shape === "linear" ? linear(p) : tree(p)),
});

function linear({ name, up, start, step, bound, pre, factor }: Params) {
	const [fn, out] = LINEAR[name] ?? LINEAR[0];
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
	const values: number[] = [];
	for (let n = start; up ? n < bound + 1 : n > bound; n += up ? step : -step)
		values.push(n * factor);
	const shown = pre ? values : [...values].reverse();
	return {
		code: program({}),
		mistakes: [
			pre
				? {
						misconception: `the values come out on the way back, deepest call first, wherever the push is written`,
						code: program({ pre: false }),
					}
				: {
						misconception: `each call pushes its value as the call is made, so the first call's value comes first`,
						code: program({ pre: true }),
					},
			{
				misconception: `the call that meets the base case (${stops("n")}) still pushes its value before returning`,
				code: program({ baseFirst: true }),
			},
			{
				misconception: `the recursion stops one call early, as soon as the next call would meet the base case`,
				code: program({ base: stops(next) }),
			},
		],
		explain: (answer: string) =>
			`${fn}(${start}) calls itself with ${next} until ${stops("n")}, and that last call returns without pushing: the calls push ${listed(values.map(String))}. ` +
			(pre
				? "Each call pushes before it makes the next call, so the values are in the order the calls were made. "
				: `Each call pushes only after the call it made has returned, so the deepest call pushes first and ${fn}(${start}) last: the order is reversed, ${listed(shown.map(String))}. `) +
			`It prints ${answer}.`,
	};
}

function tree({ name, start, bound, factor, separator }: Params) {
	const fn = TREES[name] ?? "walk";
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
	return {
		code: program([record, base(bound), ...children]),
		mistakes: [
			{
				misconception: `each call logs after the calls it makes, so the deepest calls come first`,
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
				misconception: `the calls run level by level: ${fn}(${start - 1}) and ${fn}(${start - 2}) both log before any call they make`,
				code: program(levels),
			},
			{
				misconception: `n < ${bound} also stops a call with n equal to ${bound}`,
				code: program([record, base(bound + 1), ...children]),
			},
		],
		explain: (answer: string) =>
			`Each call logs its n first, then runs ${fn}(n - 1) to the end, with every call that makes, before ${fn}(n - 2) starts: the calls go depth first. ` +
			`A call with n below ${bound} logs and returns. So ${fn}(${start}) makes ${order.length} calls, for n = ${order.join(", ")}. It prints ${answer}.`,
	};
}
