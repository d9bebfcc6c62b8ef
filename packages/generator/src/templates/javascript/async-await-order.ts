import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed } from "../prose.js";

const FUNCTION_NAMES = ["load", "save", "fetchUser", "render", "sync", "parse"];
const AWAITED = ["null", "0", "undefined", "Promise.resolve()"];

/** An async function: the labels it logs before and after its await, and what it awaits. */
interface AsyncStep {
	kind: "call";
	name: string;
	before: string;
	after: string;
	awaited: string;
}

/** A line of the main code: a call of one of the async functions, a plain log, a timer or a then. */
type Step = AsyncStep | { kind: "log" | "timer" | "then"; label: string };

interface Params {
	steps: Step[];
}

/** How the program is rendered: as written, or as a learner with one misconception imagines it. */
interface Belief {
	/** await does not pause: the function runs to its end at once */
	noPause?: boolean;
	/** the body waits a turn before running even its first line */
	lateStart?: boolean;
	/** await waits like a 0 ms timer */
	awaitAsTimer?: boolean;
	/** a 0 ms timer runs as soon as the script's own code has finished */
	timerFirst?: boolean;
}

const push = (label: string) => `log.push("${label}")`;

function asyncFunction(step: AsyncStep, belief: Belief): string {
	const awaited = belief.awaitAsTimer
		? "new Promise((resolve) => setTimeout(resolve, 0))"
		: step.awaited;
	return [
		`async function ${step.name}() {`,
		...(belief.lateStart ? ["  await null;"] : []),
		`  ${push(step.before)};`,
		...(belief.noPause ? [] : [`  await ${awaited};`]),
		`  ${push(step.after)};`,
		"}",
	].join("\n");
}

function mainLine(step: Step): string {
	switch (step.kind) {
		case "call":
			return `${step.name}();`;
		case "log":
			return `${push(step.label)};`;
		case "timer":
			return `setTimeout(() => ${push(step.label)}, 0);`;
		case "then":
			return `Promise.resolve().then(() => ${push(step.label)});`;
	}
}

export const asyncAwaitOrder = defineFamily<Params>({
	id: "javascript/async-await-order",
	idea: "js.async-await",
	language: "javascript",
	difficulty: "hard",
	title: "What runs before and after an await",
	topics: ["async", "await", "promises", "event loop", "microtasks"],
	params: (rng) => {
		const labels = rng.shuffle("abcdefghkmnpqrs".split(""));
		let used = 0;
		const next = () => itemAt(labels, used++);
		const calls: Step[] = rng
			.sample(FUNCTION_NAMES, rng.int(2, 3))
			.map((name) => ({
				kind: "call",
				name,
				before: next(),
				after: next(),
				awaited: rng.pick(AWAITED),
			}));
		const others: Step[] = [
			{ kind: "log", label: next() },
			{ kind: "timer", label: next() },
			...(rng.bool() ? [{ kind: "then" as const, label: next() }] : []),
			...(rng.bool() ? [{ kind: "log" as const, label: next() }] : []),
		];
		for (;;) {
			const steps = rng.shuffle([...calls, ...others]);
			// a timer set before the last call, so a timer-like await would run after it
			const timer = steps.findIndex((s) => s.kind === "timer");
			const lastCall = steps.map((s) => s.kind).lastIndexOf("call");
			if (timer < lastCall && steps[0]?.kind !== "log") return { steps };
		}
	},
	build: ({ steps }) => {
		const calls = steps.filter((s): s is AsyncStep => s.kind === "call");
		const program = (belief: Belief = {}) =>
			[
				"const log = [];",
				...calls.map((c) => asyncFunction(c, belief)),
				...steps.flatMap((s) =>
					belief.timerFirst && s.kind === "timer" ? [] : [mainLine(s)],
				),
				...(belief.timerFirst
					? steps.flatMap((s) =>
							s.kind === "timer" ? [`${push(s.label)};`] : [],
						)
					: []),
				'setTimeout(() => console.log(log.join(" ")), 0);',
				"",
			].join("\n");
		const labelsOf = (kind: Step["kind"]) =>
			steps.flatMap((s) => (s.kind === kind && "label" in s ? [s.label] : []));
		const synchronous = steps.flatMap((s) =>
			s.kind === "call" ? [s.before] : s.kind === "log" ? [s.label] : [],
		);
		const jobs = steps.flatMap((s) =>
			s.kind === "call" ? [s.after] : s.kind === "then" ? [s.label] : [],
		);
		const names = calls.map((c) => `${c.name}()`);
		const quoted = (labels: readonly string[]) =>
			labels.map((label) => `"${label}"`).join(", ");
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`${listed(names)} run to their end before the next line, as if await did not pause them`,
					code: program({ noPause: true }),
				},
				{
					misconception: belief`calling an async function only schedules it, so none of its body runs until the calling code has finished`,
					code: program({ lateStart: true }),
				},
				{
					misconception: belief`the code after an await waits in the timer queue, as a 0 ms setTimeout does, behind timers set before it`,
					code: program({ awaitAsTimer: true }),
				},
				{
					misconception: belief`a 0 ms setTimeout runs as soon as the script's own code has finished, before the code waiting after an await`,
					code: program({ timerFirst: true }),
				},
			],
			explain: (answer) =>
				"Calling an async function runs its body at once, like any call, up to the first await; then it returns a promise and the caller carries on. " +
				`The rest of the function is queued as a promise job${calls.some((c) => c.awaited !== "Promise.resolve()") ? ", even when the awaited value is not a promise," : ""} and promise jobs run when the script has finished, in the order they were queued, before any timer. ` +
				`So the script itself logs ${listed(synchronous)}, the promise jobs log ${listed(jobs)}, ` +
				`the timer logs ${listed(labelsOf("timer"))}, and the last timer prints ${answer}.`,
			trace: [
				...calls.map(
					(c) =>
						`${c.name}(): logs "${c.before}", then pauses at await ${c.awaited}`,
				),
				`script: logs ${quoted(synchronous)}`,
				`promise jobs, in the order queued: ${quoted(jobs)}`,
				`timers: ${quoted(labelsOf("timer"))}, then the last one prints the log`,
			],
		};
	},
});
