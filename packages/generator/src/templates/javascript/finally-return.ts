import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";
import { withArticle } from "../prose.js";

/** what the function logs: on entering try, when try succeeds, in catch, in finally */
interface Labels {
	tried: string;
	done: string;
	caught: string;
	finished: string;
}
const LABELS: readonly Labels[] = [
	{ tried: "try", done: "ok", caught: "catch", finished: "finally" },
	{ tried: "start", done: "done", caught: "error", finished: "cleanup" },
	{ tried: "open", done: "read", caught: "failed", finished: "close" },
	{ tried: "begin", done: "parsed", caught: "caught", finished: "end" },
	{ tried: "enter", done: "got", caught: "oops", finished: "exit" },
];
const FUNCTIONS = ["load", "parse", "check", "attempt"];

/** The check at the top of try, which throws for some arguments. */
interface Guard {
	test(limit: number): string;
	fails(n: number, limit: number): boolean;
	error: string;
}
const GUARDS = {
	above: {
		test: (limit) => `n > ${limit}`,
		fails: (n, limit) => n > limit,
		error: "RangeError",
	},
	negative: { test: () => "n < 0", fails: (n) => n < 0, error: "Error" },
	odd: {
		test: () => "n % 2 === 1",
		fails: (n) => n % 2 === 1,
		error: "TypeError",
	},
} satisfies Record<string, Guard>;
const GUARD_NAMES = ["above", "negative", "odd"] as const;

interface Params {
	fn: string;
	labels: Labels;
	guard: Guard;
	limit: number;
	/** the arguments of the two calls: one passes the guard and one fails it, in either order */
	args: [number, number];
	factor: number;
	/** what catch returns */
	fallback: string;
	/** what a return in finally gives, or null when finally does not return */
	override: string | null;
}

/** How a mistaken learner pictures the function running. */
interface Belief {
	/** the finally block is dropped */
	noFinally?: boolean;
	/** the return in finally is dropped */
	noOverride?: boolean;
	/** the rest of the try block runs after the throw */
	restRuns?: boolean;
	/** finally runs only after an error, at the end of catch */
	onlyOnError?: boolean;
	/** finally runs as soon as the try block stops, before catch */
	beforeCatch?: boolean;
}

export const finallyReturn = defineFamily<Params>({
	id: "javascript/finally-return",
	idea: "js.exceptions-and-finally",
	language: "javascript",
	difficulty: "hard",
	title: "try, catch and finally with return",
	topics: ["exceptions", "finally", "control flow", "errors", "return"],
	params: (rng) => {
		const guard = rng.pick(GUARD_NAMES);
		const limit = rng.int(3, 6);
		// every guard's arguments are drawn, whichever guard is used, so that each seed keeps its challenge
		const pass = {
			above: rng.int(1, limit),
			negative: rng.int(1, limit),
			odd: 2 * rng.int(1, 3),
		}[guard];
		const fail = {
			above: rng.int(limit + 1, 9),
			negative: -rng.int(1, 9),
			odd: 2 * rng.int(1, 4) + 1,
		}[guard];
		const fallback = rng.pick(["-1", "null", '"none"', "0"]);
		return {
			fn: rng.pick(FUNCTIONS),
			labels: rng.pick(LABELS),
			guard: GUARDS[guard],
			limit,
			args: rng.bool() ? [pass, fail] : [fail, pass],
			factor: rng.int(2, 10),
			fallback,
			override: rng.bool()
				? null
				: rng.pick(['"finally"', "99", '"done"', "undefined"]),
		};
	},
	build: (p) => {
		const { fn, labels, guard: g, args, override } = p;
		const { tried, done, caught, finished } = labels;
		const program = (b: Belief = {}) => render(p, b);
		const pass = itemAt(
			args.filter((n) => !g.fails(n, p.limit)),
			0,
		);
		const fail = itemAt(
			args.filter((n) => g.fails(n, p.limit)),
			0,
		);
		const rest = {
			misconception: belief`the rest of the try block still runs after the throw, so "${done}" is logged anyway`,
			code: program({ restRuns: true }),
		};
		const skipped = {
			misconception: belief`finally is skipped when try or catch has already returned`,
			code: program({ noFinally: true }),
		};
		const onlyOnError = {
			misconception: belief`finally runs only when an error was thrown`,
			code: program({ onlyOnError: true }),
		};
		return {
			code: program(),
			mistakes:
				override === null
					? [
							skipped,
							rest,
							onlyOnError,
							{
								misconception: belief`finally runs as soon as the try block stops, before catch`,
								code: program({ beforeCatch: true }),
							},
						]
					: [
							{
								misconception: belief`a return in finally does not replace the value that try or catch is already returning`,
								code: program({ noOverride: true }),
							},
							skipped,
							rest,
							onlyOnError,
						],
			explain: (answer) =>
				`Each call logs "${tried}". ${fn}(${pass}) passes the check, logs "${done}" and returns ${pass * p.factor} from try; ` +
				`${fn}(${fail}) throws, so the rest of try is skipped and catch logs "${caught}" and returns ${p.fallback}. ` +
				`In both calls finally runs on the way out, after the return value is decided, and logs "${finished}". ` +
				(override === null
					? ""
					: `A return in finally replaces whatever try or catch was returning, so both calls return ${override}. `) +
				`It prints ${answer}.`,
			trace: [
				...args.flatMap((n) => [
					g.fails(n, p.limit)
						? `${fn}(${n}): "${tried}", then ${g.test(p.limit)} throws ${withArticle(g.error)}; catch: "${caught}", returns ${p.fallback}`
						: `${fn}(${n}): "${tried}", "${done}", try returns ${n} * ${p.factor} = ${n * p.factor}`,
					override === null
						? `finally: "${finished}", the return value stays ${g.fails(n, p.limit) ? p.fallback : n * p.factor}`
						: `finally: "${finished}", and return ${override} replaces ${g.fails(n, p.limit) ? p.fallback : n * p.factor}`,
				]),
				`log: ${[...args.flatMap((n) => (g.fails(n, p.limit) ? [tried, caught, finished] : [tried, done, finished]))].join(" ")}`,
			],
		};
	},
});

function render(p: Params, b: Belief): string {
	const { fn, labels, guard: g, limit, args, factor, fallback, override } = p;
	const { tried, done, caught, finished } = labels;
	const log = (label: string) => `log.push("${label}");`;
	const check = `if (${g.test(limit)}) throw new ${g.error}("bad input");`;
	const returns = override !== null && !b.noOverride;
	const lines = [
		"const log = [];",
		`function ${fn}(n) {`,
		"  try {",
		`    ${log(tried)}`,
		...(b.restRuns
			? [`    ${log(done)}`, `    ${check}`]
			: [`    ${check}`, `    ${log(done)}`]),
		...(b.beforeCatch ? [`    ${log(finished)}`] : []),
		`    return n * ${factor};`,
		"  } catch (e) {",
		...(b.beforeCatch ? [`    ${log(finished)}`] : []),
		`    ${log(caught)}`,
		...(b.onlyOnError ? [`    ${log(finished)}`] : []),
		`    return ${b.onlyOnError && returns ? override : fallback};`,
		"  }",
		...(b.noFinally || b.onlyOnError || b.beforeCatch
			? []
			: [
					"  finally {",
					`    ${log(finished)}`,
					...(returns ? [`    return ${override};`] : []),
					"  }",
				]),
		"}",
		`console.log(${fn}(${args[0]}), ${fn}(${args[1]}), log.join(" "));`,
		"",
	];
	// "} finally {" on one line, as people write it
	return lines.join("\n").replace("  }\n  finally {", "  } finally {");
}
