import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { counted, listed } from "../prose.js";

const NAMES = [
	["callbacks", "i", "seen"],
	["handlers", "n", "results"],
	["tasks", "k", "out"],
	["jobs", "step", "log"],
] as const;
const OPERATIONS = ["*", "+"] as const;

interface Params {
	names: readonly [string, string, string];
	keyword: "var" | "let";
	timers: boolean;
	start: number;
	count: number;
	operation: (typeof OPERATIONS)[number];
	operand: number;
}

export const varClosureLoop = defineFamily<Params>({
	id: "javascript/var-closure-loop",
	idea: "js.closures",
	language: "javascript",
	difficulty: "medium",
	title: "Closures over var and let loop variables",
	topics: ["closures", "var", "let", "loops", "scope", "settimeout"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		// var is the trap; let is the contrast
		keyword: rng.int(0, 2) === 0 ? "let" : "var",
		timers: rng.bool(),
		start: rng.int(0, 2),
		count: rng.int(3, 4),
		operation: rng.pick(OPERATIONS),
		operand: rng.int(2, 10),
	}),
	build: ({
		names: [list, v, out],
		keyword,
		timers,
		start,
		count,
		operation,
		operand,
	}) => {
		const stop = start + count;
		const head = (kw: string) =>
			`for (${kw} ${v} = ${start}; ${v} < ${stop}; ${v}++) {`;
		const program = (kw: string, expression: string, after: string[] = []) =>
			(timers
				? [
						`const ${out} = [];`,
						head(kw),
						`  setTimeout(() => ${out}.push(${expression}), 0);`,
						"}",
						...after,
						`setTimeout(() => console.log(${out}), 0);`,
					]
				: [
						`const ${list} = [];`,
						head(kw),
						`  ${list}.push(() => ${expression});`,
						"}",
						...after,
						`console.log(${list}.map((f) => f()));`,
					]
			)
				.concat("")
				.join("\n");
		const expression = `${v} ${operation} ${operand}`;
		const apply = (x: number) =>
			operation === "*" ? x * operand : x + operand;
		const values = Array.from({ length: count }, (_, i) => apply(start + i));
		const made = `${v} = ${listed(Array.from({ length: count }, (_, i) => String(start + i)))}: the loop ${timers ? `schedules ${counted(count, "timer")}` : `pushes ${counted(count, "callback")}`}`;
		const run = timers
			? "after the loop, the timers run"
			: `after the loop, ${list}.map calls them`;
		const shown = timers ? out : `${list}.map((f) => f())`;
		if (keyword === "var")
			return {
				code: program("var", expression),
				mistakes: [
					{
						misconception: belief`each callback keeps the ${v} of the iteration that created it`,
						code: program("let", expression),
					},
					{
						misconception: belief`after the loop ${v} holds the last value the body saw, ${stop - 1}`,
						code: program("var", expression, [`${v} = ${stop - 1};`]),
					},
					{
						misconception: belief`each callback sees ${v} as it was at the end of its own iteration, after that iteration's ${v}++`,
						code: program("let", `(${v} + 1) ${operation} ${operand}`),
					},
				],
				explain: (answer) =>
					`var declares one ${v} for the whole function around the loop (here the whole script), shared by every iteration. The callbacks run only after the loop has finished, ` +
					`when ${v} has been incremented to ${stop} (the value that ended the loop), so each computes ${stop} ${operation} ${operand} = ${apply(stop)}. It prints ${answer}.`,
				trace: [
					`${made}, all closing over the one ${v}`,
					`${v}++ makes ${v} ${stop}; ${stop} < ${stop} is false, so the loop ends`,
					`${run}: each reads ${v} = ${stop}, ${stop} ${operation} ${operand} = ${apply(stop)}`,
					`${shown} = [${Array.from({ length: count }, () => apply(stop)).join(", ")}]`,
				],
			};
		return {
			code: program("let", expression),
			mistakes: [
				{
					misconception: belief`let in a for loop declares one ${v} shared by all iterations, as var does`,
					code: program("var", expression),
				},
				{
					misconception: belief`the ${v}++ at the end of an iteration also changes the ${v} that iteration's callback captured`,
					code: program("let", `(${v} + 1) ${operation} ${operand}`),
				},
				{
					misconception: belief`the callbacks read ${v} after the loop, when it holds the last value the body saw, ${stop - 1}`,
					code: program("var", expression, [`${v} = ${stop - 1};`]),
				},
			],
			explain: (answer) =>
				`A let in a for loop header gives every iteration its own copy of ${v}, and ${v}++ updates the next iteration's copy, not the one already captured. ` +
				`So the callbacks see ${listed(Array.from({ length: count }, (_, i) => String(start + i)))} and compute ${listed(values.map(String))}. It prints ${answer}.`,
			trace: [
				`${made}, each closing over its iteration's own ${v}`,
				...Array.from(
					{ length: count },
					(_, i) =>
						`callback ${i + 1}: ${v} = ${start + i}, ${start + i} ${operation} ${operand} = ${apply(start + i)}`,
				),
				`${shown} = [${values.join(", ")}]`,
			],
		};
	},
});
