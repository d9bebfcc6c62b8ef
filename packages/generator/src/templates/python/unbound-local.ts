import { oneLine } from "../../sandbox/outcome-option.js";
import { belief } from "../belief.js";
import { defineFamily, type Mistake } from "../family.js";

const NAMES = ["count", "total", "score", "level", "balance", "hits"] as const;
const FUNCTIONS = ["bump", "grow", "record", "update", "apply"] as const;
const OPS = ["+", "-", "*"] as const;

/**
 * How the function uses the global: `augmented` does name op= n; `reset` reads it in a condition
 * that holds and assigns it inside; `read-first` prints it, then assigns it.
 */
type Shape =
	| { kind: "augmented"; op: (typeof OPS)[number] }
	| { kind: "reset"; limit: number }
	| { kind: "read-first" };

interface Params {
	name: (typeof NAMES)[number];
	fn: (typeof FUNCTIONS)[number];
	start: number;
	n: number;
	/** the second call's argument: beliefs that the call finishes print two results */
	again: number;
	shape: Shape;
}

type Belief =
	| "reads-global"
	| "second-call"
	| "none"
	| "global"
	| "name-error"
	| "name-error-early";

/**
 * The beliefs each shape shows, four of them, picked so that the answer is neither the option
 * closest to the others nor the longest: a second call that fails prints more than the answer,
 * and NameError before and after the first print makes a square with the answer. Believing the
 * function raises as soon as it is defined with the error it really raises would put the answer
 * between every other option.
 */
const MISTAKES: Record<Shape["kind"], readonly Belief[]> = {
	augmented: ["reads-global", "second-call", "global", "name-error"],
	reset: ["reads-global", "second-call", "none", "global"],
	"read-first": [
		"reads-global",
		"second-call",
		"name-error",
		"name-error-early",
	],
};

/** The function's lines between its first print and its return, with the global read as `read` and assigned as `target`. */
function bodyOf(shape: Shape, name: string, read: string, target: string) {
	switch (shape.kind) {
		case "augmented":
			return target === read
				? [`${name} ${shape.op}= n`]
				: [`${target} = ${read} ${shape.op} n`];
		case "reset":
			return [`if ${read} > ${shape.limit}:`, `    ${target} = 0`];
		case "read-first":
			return [`print("${name} is", ${read})`, `${target} = n`];
	}
}

const returned = (shape: Shape, target: string) =>
	shape.kind === "reset" ? `${target} + n` : target;

export const unboundLocal = defineFamily<Params>({
	id: "python/unbound-local",
	idea: "py.scope",
	language: "python",
	difficulty: "medium",
	kind: "error",
	title: "Assigning a global inside a function",
	topics: ["scope", "global", "unboundlocalerror", "functions", "exceptions"],
	params: (rng) => {
		const start = rng.int(3, 12);
		const kind = rng.pick(["augmented", "reset", "read-first"] as const);
		const shape: Shape =
			kind === "augmented"
				? { kind, op: rng.pick(OPS) }
				: kind === "reset"
					? { kind, limit: rng.int(0, start - 1) }
					: { kind };
		return {
			name: rng.pick(NAMES),
			fn: rng.pick(FUNCTIONS),
			start,
			// never the start value: believing the global changes must print otherwise than not believing it
			n: rng.pick([2, 3, 4, 5, 6, 7, 8, 9].filter((v) => v !== start)),
			again: rng.int(1, 9),
			shape,
		};
	},
	build: ({ name, fn, start, n, again, shape }) => {
		const program = ({
			read = name as string,
			target = name as string,
			head = [] as string[],
			top = "",
			entry = [] as string[],
		}: {
			read?: string;
			target?: string;
			head?: string[];
			top?: string;
			/** lines before the function's first print */
			entry?: string[];
		} = {}) => {
			const lines = [
				...entry,
				`print("${fn}", n)`,
				...head,
				...bodyOf(shape, name, read, target),
				`return ${returned(shape, target)}`,
			];
			return (
				`${top}${name} = ${start}\n\ndef ${fn}(n):\n${lines.map((l) => `    ${l}\n`).join("")}\n` +
				`print("start", ${name})\nprint(${fn}(${n}))\nprint(${fn}(${again}))\nprint("${name}", ${name})\n`
			);
		};
		const local = `new_${name}`;
		const [assignment = ""] = bodyOf(shape, name, name, name).slice(-1);
		const reading =
			shape.kind === "augmented"
				? `${name} ${shape.op}= n`
				: (bodyOf(shape, name, name, name)[0] ?? "");
		const beliefs: Record<Belief, Mistake> = {
			"reads-global": {
				misconception: belief`${fn} reads the global ${name} first, and only the assignment makes a new local ${name}`,
				// starts where the global belief's declaration goes, so the two contradictory beliefs never combine
				code: program({ target: local, head: [`${local} = 0`] }),
			},
			"second-call": {
				misconception: belief`${fn} reads the global ${name} until it has assigned ${name} once, and from then on ${name} is local and unset, so the second call fails at once`,
				// the first call as the belief above runs it
				code: program({
					target: local,
					entry: [
						`if hasattr(${fn}, "ran"): raise UnboundLocalError`,
						`${fn}.ran = True`,
					],
					head: [`${local} = 0`],
				}),
			},
			none: {
				misconception: belief`a local ${name} that has not been assigned yet holds None`,
				code: program({ head: [`${name} = None`] }),
			},
			global: {
				misconception: belief`assigning ${name} inside ${fn} changes the global ${name}`,
				code: program({ head: [`global ${name}`] }),
			},
			"name-error": {
				misconception: belief`${fn} cannot see ${name} at all, so reading it raises NameError`,
				code: program({ read: `${name}_seen` }),
			},
			"name-error-early": {
				misconception: belief`${fn} cannot see ${name} at all, and Python finds that out as soon as ${fn} is defined, before anything is printed`,
				code: program({ top: "raise NameError\n" }),
			},
		};
		return {
			code: program(),
			mistakes: MISTAKES[shape.kind].map((belief) => beliefs[belief]),
			explain: (answer) =>
				`Python decides which names are local when it compiles a function: ${fn} assigns ${name} (\`${assignment.trim()}\`), ` +
				`so ${name} is local in the whole of ${fn}${shape.kind === "augmented" ? "" : ", the lines before the assignment included"}, and the global ${name} = ${start} is never read there. ` +
				`The script prints "start ${start}", then ${fn}(${n}) prints "${fn} ${n}", and \`${reading}\` reads the local ${name}${shape.kind === "augmented" ? " to compute its new value" : ""} before it has one: UnboundLocalError. ` +
				`Nothing catches it, so the lines after that first call never run. Declaring \`global ${name}\` in ${fn}, or passing ${name} in and returning the new value, would fix it. ` +
				`What happens: “${oneLine(answer)}”.`,
		};
	},
});
