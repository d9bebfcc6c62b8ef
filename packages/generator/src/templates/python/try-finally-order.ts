import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { withArticle } from "../prose.js";

/** A line that raises, the exception it raises and another one, and arguments that make it raise. */
interface Trigger {
	setup(n: number): string;
	param: string;
	line: string;
	error: string;
	other: string;
	args: readonly string[];
}

const TRIGGERS: readonly Trigger[] = [
	{
		setup: (n: number) => `prices = {"apple": ${n}, "plum": ${n + 2}}`,
		param: "key",
		line: "value = prices[key]",
		error: "KeyError",
		other: "IndexError",
		args: ['"pear"', '"fig"', '"kiwi"'],
	},
	{
		setup: (n: number) => `items = [${n}, ${n * 2}, ${n * 3}]`,
		param: "index",
		line: "value = items[index]",
		error: "IndexError",
		other: "KeyError",
		args: ["3", "5", "7"],
	},
	{
		setup: (n: number) => `base = ${n}`,
		param: "text",
		line: "value = base + int(text)",
		error: "ValueError",
		other: "TypeError",
		args: ['"12x"', '"seven"', '"4.5"'],
	},
	{
		setup: (n: number) => `total = ${n * 10}`,
		param: "count",
		line: "value = total // count",
		error: "ZeroDivisionError",
		other: "ValueError",
		args: ["0"],
	},
];
const LABELS = [
	["try", "done", "except", "finally"],
	["start", "ok", "error", "cleanup"],
	["open", "read", "failed", "close"],
	["begin", "parsed", "caught", "end"],
	["enter", "got", "handled", "exit"],
] as const;

interface Params {
	trigger: Trigger;
	seed: number;
	arg: string;
	labels: readonly [string, string, string, string];
	fallback: string;
	caught: boolean;
}

interface Shape {
	exceptType: string;
	withFinally?: boolean;
	finallyFirst?: boolean;
	restRuns?: boolean;
}

export const tryFinallyOrder = defineFamily<Params>({
	id: "python/try-finally-order",
	idea: "py.exceptions-and-finally",
	language: "python",
	difficulty: "medium",
	title: "try, except and finally order",
	topics: ["exceptions", "finally", "control flow", "errors"],
	params: (rng) => {
		const trigger = rng.pick(TRIGGERS);
		return {
			trigger,
			seed: rng.int(2, 9),
			arg: rng.pick(trigger.args),
			labels: rng.pick(LABELS),
			fallback: rng.pick(["-1", "0", "None", "-99", '"?"', "[]"]),
			caught: rng.bool(),
		};
	},
	build: (p) => {
		const { trigger: t, arg, labels, fallback, caught } = p;
		const [tried, done, excepted, finished] = labels;
		const program = (shape: Shape) => render(p, shape);
		const inner = caught ? t.error : t.other;
		const restRuns = {
			misconception: belief`the rest of the try block still runs after the failing line`,
			code: program({ exceptType: inner, restRuns: true }),
		};
		const logged = (...entries: string[]) =>
			`[${entries.map((e) => `'${e}'`).join(", ")}]`;
		const failing = t.line.replace("value = ", "").replace(t.param, arg);
		const shown = (value: string) => value.replace(/^"(.*)"$/, "$1");
		const final = caught
			? logged(tried, excepted, finished)
			: logged(tried, finished);
		return {
			code: program({ exceptType: inner }),
			trace: [
				`attempt(${arg}): log is ${logged(tried)}`,
				`${failing} raises ${t.error}; the rest of the try block is skipped`,
				...(caught
					? [
							`except ${t.error}: log is ${logged(tried, excepted)}, return ${fallback} waits`,
							`finally: log is ${final}, then attempt returns ${fallback}`,
							`print(result, log) → ${shown(fallback)} ${final}`,
						]
					: [
							`except ${t.other} does not match, so the ${t.error} leaves attempt`,
							`finally, on the way out: log is ${final}`,
							`the caller's except ${t.error}: result = "caller"`,
							`print(result, log) → caller ${final}`,
						]),
			],
			mistakes: caught
				? [
						{
							misconception: belief`the finally block is skipped once the except block has returned`,
							code: program({ exceptType: inner, withFinally: false }),
						},
						{
							misconception: belief`finally runs as soon as the try block fails, before the except block`,
							code: program({
								exceptType: inner,
								withFinally: false,
								finallyFirst: true,
							}),
						},
						restRuns,
					]
				: [
						{
							misconception: belief`the finally block does not run when the error escapes the function`,
							code: program({ exceptType: inner, withFinally: false }),
						},
						{
							misconception: belief`except ${t.other} in attempt handles any error raised in its try block, so the ${t.error} is caught there`,
							code: program({ exceptType: t.error }),
						},
						restRuns,
					],
			explain: (answer) =>
				`attempt(${arg}) logs "${tried}", then \`${t.line}\` raises ${t.error}, so "${done}" is never logged. ` +
				(caught
					? `The except ${t.error} block logs "${excepted}" and returns ${fallback}; before that return completes, the finally block runs and logs "${finished}". `
					: `except ${t.other} does not match ${withArticle(t.error)}, so the error leaves the function, but the finally block still runs first and logs "${finished}"; the caller's except ${t.error} then sets result to "caller". `) +
				`It prints ${answer}.`,
		};
	},
});

function render(
	{
		trigger: t,
		seed,
		arg,
		labels: [tried, done, excepted, finished],
		fallback,
		caught,
	}: Params,
	{
		exceptType,
		withFinally = true,
		finallyFirst = false,
		restRuns = false,
	}: Shape,
): string {
	const setup = t.setup(seed);
	return [
		"log = []",
		...(setup ? [setup] : []),
		"",
		`def attempt(${t.param}):`,
		"    try:",
		`        log.append("${tried}")`,
		...(restRuns ? [`        log.append("${done}")`] : []),
		`        ${t.line}`,
		...(restRuns ? [] : [`        log.append("${done}")`]),
		"        return value",
		`    except ${exceptType}:`,
		...(finallyFirst ? [`        log.append("${finished}")`] : []),
		`        log.append("${excepted}")`,
		`        return ${fallback}`,
		...(withFinally
			? ["    finally:", `        log.append("${finished}")`]
			: []),
		"",
		...(caught
			? [`result = attempt(${arg})`]
			: [
					"try:",
					`    result = attempt(${arg})`,
					`except ${t.error}:`,
					'    result = "caller"',
				]),
		"print(result, log)",
		"",
	].join("\n");
}
