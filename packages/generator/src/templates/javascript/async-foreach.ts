import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { listed } from "../prose.js";

const NAMES = [
	{ main: "main", items: ["a", "b", "c"], label: "x" },
	{ main: "saveAll", items: ["ann", "bob", "cy"], label: "user" },
	{ main: "upload", items: ["1.png", "2.png", "3.png"], label: "file" },
	{ main: "sendAll", items: ["mail", "sms", "push"], label: "channel" },
] as const;
const METHODS = ["forEach", "map"] as const;

interface Params {
	names: (typeof NAMES)[number];
	method: (typeof METHODS)[number];
	count: number;
	/** the words the main function and the script log around the loop */
	words: { start: string; looped: string; end: string; called: string };
}

/** How the program is rendered: as written, or as a learner with one misconception imagines it. */
interface Belief {
	/** the loop waits for each async callback, as for...of with await does */
	loopWaits?: boolean;
	/** the body of an async function starts only once the calling code has finished */
	lateStart?: boolean;
	/** await null carries on at once */
	noPause?: boolean;
}

export const asyncForeach = defineFamily<Params>({
	id: "javascript/async-foreach",
	idea: "js.async-await",
	language: "javascript",
	difficulty: "hard",
	title: "Async callbacks in forEach and map",
	topics: ["async", "await", "foreach", "promises", "loops"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		method: rng.pick(METHODS),
		count: rng.int(2, 3),
		words: {
			start: rng.pick(["start", "begin", "open"]),
			looped: rng.pick(["looped", "queued", "sent"]),
			end: rng.pick(["end", "done", "finished"]),
			called: rng.pick(["called", "next", "after"]),
		},
	}),
	build: ({ names, method, count, words: w }) => {
		const items = names.items.slice(0, count);
		const list = `[${items.map((i) => `"${i}"`).join(", ")}]`;
		const x = names.label;
		const quoted = items.map((i) => `"${i}"`).join(", ");
		const pause = (b: Belief) => (b.noPause ? [] : ["await null;"]);
		const program = (b: Belief = {}) =>
			[
				"const log = [];",
				`async function ${names.main}() {`,
				...(b.lateStart ? ["  await null;"] : []),
				`  log.push("${w.start}");`,
				...(b.loopWaits
					? [
							`  for (const ${x} of ${list}) {`,
							...pause(b).map((line) => `    ${line}`),
							`    log.push(${x});`,
							"  }",
						]
					: [
							`  ${list}.${method}(async (${x}) => {`,
							...pause(b).map((line) => `    ${line}`),
							`    log.push(${x});`,
							"  });",
						]),
				`  log.push("${w.looped}");`,
				...pause(b).map((line) => `  ${line}`),
				`  log.push("${w.end}");`,
				"}",
				`${names.main}();`,
				`log.push("${w.called}");`,
				'setTimeout(() => console.log(log.join(" ")), 0);',
				"",
			].join("\n");
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`${method} waits for each async callback to finish before it moves on, as a for...of loop with await does`,
					code: program({ loopWaits: true }),
				},
				{
					misconception: belief`calling ${names.main}() only schedules it, so none of its body runs until the script has finished`,
					code: program({ lateStart: true }),
				},
				{
					misconception: belief`await null has nothing to wait for, so the function carries on at once`,
					code: program({ noPause: true }),
				},
			],
			explain: (answer) =>
				`${names.main}() runs at once up to its first await. On the way, ${method} calls the async callback for ${listed(items)}; each runs up to its await null and returns a promise, which ${method === "forEach" ? "forEach ignores" : "map only collects into an array that nothing awaits"}, so ${method} returns at once and "${w.looped}" is logged. ` +
				`Then ${names.main} pauses at its own await, and the script logs "${w.called}". ` +
				`The rest of each function was queued as a promise job in the order the awaits ran: first the callbacks, which log ${listed(items)}, then ${names.main}, which logs "${w.end}". ` +
				`The timer runs last and prints ${answer}.`,
			trace: [
				`${names.main}(): logs "${w.start}"`,
				`${method} calls the callback for ${quoted}: each pauses at await null`,
				`${names.main}(): logs "${w.looped}", then pauses at await null`,
				`script: logs "${w.called}"`,
				`promise jobs: the callbacks log ${quoted}, then ${names.main} logs "${w.end}"`,
				"timer: prints the log",
			],
		};
	},
});
