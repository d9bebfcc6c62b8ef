import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed } from "../prose.js";

/** the steps that push one label */
type Single = "sync" | "timeout" | "promise" | "tick" | "microtask";
/** the steps that push two: before and after an await, or in two chained callbacks */
type Double = "await" | "chain";
type Kind = Single | Double;

/**
 * How a program is rendered: as written, or as a learner with one misconception imagines it
 * (everything in written order, timers as early as ticks, promises before ticks, await not waiting).
 */
type Mode = "real" | "written" | "timerFirst" | "promiseFirst" | "awaitSync";

type Step =
	| { kind: Single; label: string }
	| { kind: Double; labels: readonly [string, string] };

const labelsOf = (step: Step): readonly string[] =>
	"label" in step ? [step.label] : step.labels;

interface Params {
	steps: Step[];
	asyncName: string;
}

/** the phase in which each step pushes its label (PHASE_NAMES), or each of its two labels */
const PHASE: Record<Single, number> = {
	sync: 0,
	tick: 1,
	promise: 2,
	microtask: 2,
	timeout: 4,
};
const PHASES: Record<Double, readonly [number, number]> = {
	await: [0, 2],
	chain: [2, 3],
};
const PHASE_NAMES = [
	"synchronous code",
	"process.nextTick callbacks",
	"promise jobs",
	"promise jobs queued by other promise jobs",
	"timers",
];

/** PHASE_NAMES, short, for the trace */
const TRACE_NAMES = [
	"script",
	"nextTick queue",
	"promise jobs",
	"promise jobs queued by those",
	"timers",
];

function render(step: Step, mode: Mode, asyncName: string): string {
	const push = (label: string) => `order.push("${label}")`;
	if (mode === "written") {
		return labelsOf(step)
			.map((label) => `${push(label)};`)
			.join("\n");
	}
	const promise = (label: string) =>
		`Promise.resolve().then(() => ${push(label)});`;
	const tick = (label: string) => `process.nextTick(() => ${push(label)});`;
	switch (step.kind) {
		case "sync":
			return `${push(step.label)};`;
		case "timeout":
			return mode === "timerFirst"
				? tick(step.label)
				: `setTimeout(() => ${push(step.label)}, 0);`;
		case "promise":
			return mode === "promiseFirst" ? tick(step.label) : promise(step.label);
		case "tick":
			return mode === "promiseFirst" ? promise(step.label) : tick(step.label);
		case "microtask":
			return `queueMicrotask(() => ${push(step.label)});`;
		case "chain": {
			const [a, b] = step.labels;
			return `Promise.resolve()\n  .then(() => ${push(a)})\n  .then(() => ${push(b)});`;
		}
		case "await": {
			const [a, b] = step.labels;
			return [
				`async function ${asyncName}() {`,
				`  ${push(a)};`,
				...(mode === "awaitSync" ? [] : ["  await null;"]),
				`  ${push(b)};`,
				"}",
				`${asyncName}();`,
			].join("\n");
		}
	}
}

function pickSteps(rng: Rng): Step[] {
	const kinds: Kind[] = ["sync", "timeout", "promise", "tick"];
	for (const extra of rng.sample(
		["microtask", "await", "chain", "sync", "timeout"] as const,
		rng.int(1, 2),
	))
		kinds.push(extra);
	let order = rng.shuffle(kinds);
	// code that starts with a plain push would make "runs in written order" too easy to rule out
	while (order[0] === "sync") order = rng.shuffle(kinds);
	const labels = rng.shuffle("abcdefghij".split(""));
	let used = 0;
	const next = () => itemAt(labels, used++);
	return order.map((kind) =>
		kind === "await" || kind === "chain"
			? { kind, labels: [next(), next()] }
			: { kind, label: next() },
	);
}

export const eventLoopOrder = defineFamily<Params>({
	id: "javascript/event-loop-order",
	idea: "js.event-loop",
	language: "javascript",
	difficulty: "hard",
	title: "Event loop order: ticks, promises and timers",
	topics: [
		"event loop",
		"promises",
		"async",
		"await",
		"settimeout",
		"microtasks",
		"nexttick",
	],
	params: (rng) => ({
		steps: pickSteps(rng),
		asyncName: rng.pick(["work", "load", "run", "task"]),
	}),
	build: ({ steps, asyncName }) => {
		const program = (mode: Mode) =>
			[
				"const order = [];",
				...steps.map((step) => render(step, mode, asyncName)),
				'setTimeout(() => console.log(order.join(" ")), 0);',
				"",
			].join("\n");
		const mistakes = [
			{
				misconception: belief`callbacks run in the order the code is written`,
				code: program("written"),
			},
			{
				misconception: belief`a 0 ms setTimeout runs as soon as the current code finishes, before promise callbacks`,
				code: program("timerFirst"),
			},
			{
				misconception: belief`promise callbacks run before process.nextTick callbacks`,
				code: program("promiseFirst"),
			},
		];
		if (steps.some((s) => s.kind === "await"))
			mistakes.push({
				misconception: belief`await null does not pause the function, since there is nothing to wait for`,
				code: program("awaitSync"),
			});
		// within a phase, jobs run in the order they were queued, which here is the written order
		const queued = steps.flatMap((step) =>
			"label" in step
				? [{ label: step.label, phase: PHASE[step.kind] }]
				: [
						{ label: step.labels[0], phase: PHASES[step.kind][0] },
						{ label: step.labels[1], phase: PHASES[step.kind][1] },
					],
		);
		const has = (kind: Kind) => steps.some((s) => s.kind === kind);
		const order = PHASE_NAMES.map((name, phase) => {
			const labels = queued.filter((q) => q.phase === phase);
			return labels.length
				? `${name} (${labels.map((q) => q.label).join(" ")})`
				: "";
		}).filter(Boolean);
		const promiseJobs = [
			".then callbacks",
			...(has("microtask") ? ["queueMicrotask callbacks"] : []),
			...(has("await") ? ["the code after an await"] : []),
		];
		return {
			code: program("real"),
			mistakes,
			explain: (answer) =>
				`Node runs the script to the end first, then empties the process.nextTick queue, then the promise job queue (${listed(promiseJobs)}), ` +
				"and only then the timers, even at 0 ms. " +
				(has("await")
					? `${asyncName}() runs like plain code up to its await; the rest of it waits in the promise job queue. `
					: "") +
				(has("chain")
					? "A .then chained on another is queued only when the first one has run, so it goes behind the promise jobs already waiting. "
					: "") +
				`So the order is: ${order.join(", then ")}, and the last timer prints ${answer}.`,
			trace: [
				...TRACE_NAMES.flatMap((name, phase) => {
					const labels = queued.filter((q) => q.phase === phase);
					return labels.length
						? [`${name}: ${labels.map((q) => `"${q.label}"`).join(", ")}`]
						: [];
				}),
				"the last timer prints the order",
			],
		};
	},
});
