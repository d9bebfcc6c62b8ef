import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt, threeOf } from "../item-at.js";
import { times } from "../prose.js";

const THEMES = [
	{ factory: "makeCounter", state: "count", names: ["a", "b", "c"] },
	{
		factory: "makeTicker",
		state: "ticks",
		names: ["first", "second", "third"],
	},
	{ factory: "createId", state: "last", names: ["users", "posts", "alias"] },
	{ factory: "makeScore", state: "total", names: ["red", "blue", "same"] },
] as const;

interface Params {
	theme: (typeof THEMES)[number];
	start: number;
	/** which counter each call before the print goes to: 0 and 1 are made, 2 is another name for 0 */
	calls: number[];
}

/** One misconception per part of the snippet, so that mistakes combine. */
interface Belief {
	/** every counter shares one variable */
	shared?: boolean;
	/** the variable starts again on every call */
	reset?: boolean;
	/** assigning a function to another name makes a new counter */
	copied?: boolean;
	/** x++ gives the value after the increment */
	prefix?: boolean;
}

export const closureCounters = defineFamily<Params>({
	id: "javascript/closure-counters",
	idea: "js.closures",
	language: "javascript",
	difficulty: "easy",
	title: "Closures that keep their own state",
	topics: ["closures", "functions", "scope", "state"],
	params: (rng) => {
		for (;;) {
			const calls = Array.from({ length: rng.int(3, 5) }, () => rng.int(0, 2));
			// each counter is called, and the alias at least once, so every belief shows
			if ([0, 1, 2].every((i) => calls.includes(i)))
				return {
					theme: rng.pick(THEMES),
					start: rng.pick([0, 1, 10, 100]),
					calls,
				};
		}
	},
	build: ({ theme: t, start, calls }) => {
		const [a, b, c] = threeOf(t.names);
		const s = t.state;
		const program = (belief: Belief = {}) =>
			[
				...(belief.shared ? [`let ${s} = ${start};`] : []),
				`function ${t.factory}() {`,
				...(belief.shared || belief.reset ? [] : [`  let ${s} = ${start};`]),
				"  return () => {",
				...(belief.reset ? [`    let ${s} = ${start};`] : []),
				belief.prefix ? `    return ++${s};` : `    return ${s}++;`,
				"  };",
				"}",
				`const ${a} = ${t.factory}();`,
				`const ${b} = ${t.factory}();`,
				`const ${c} = ${belief.copied ? `${t.factory}()` : a};`,
				...calls.map((i) => `${itemAt(t.names, i)}();`),
				`console.log(${a}(), ${b}(), ${c}());`,
				"",
			].join("\n");
		const own = (i: number) => calls.filter((x) => x === i).length;
		const first = own(0) + own(2);
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`every function ${t.factory} returns shares one variable ${s}`,
					code: program({ shared: true }),
				},
				{
					misconception: belief`${s} starts again at ${start} every time the returned function is called`,
					code: program({ reset: true }),
				},
				{
					misconception: belief`return ${s}++ gives back ${s} after adding one`,
					code: program({ prefix: true }),
				},
				{
					misconception: belief`const ${c} = ${a} makes a new counter with its own ${s}, as calling ${t.factory}() does`,
					code: program({ copied: true }),
				},
			],
			explain: (answer) =>
				`Each call of ${t.factory}() creates a new variable ${s}, and the function it returns keeps that variable alive between calls, so ${a} and ${b} count separately. ` +
				`${c} is not a new counter: it names the same function as ${a}, so they share one ${s}. ` +
				`${s}++ adds one but gives back the value from before, so the first call of each counter returns ${start}. ` +
				`Before the print, ${a} and ${c} are called ${times(first)} together and ${b} ${times(own(1))}; the print calls ${a}, ${b} and ${c} once more each, in that order. ` +
				`It prints ${answer}.`,
			trace: counterTrace(a, b, c, s, start, calls),
		};
	},
});

/** Each call, what it returns and what the counter holds after it; the print's three calls last. */
function counterTrace(
	a: string,
	b: string,
	c: string,
	state: string,
	start: number,
	calls: readonly number[],
) {
	const names = [a, b, c];
	// c is a, so two counters: a's (calls to 0 and 2) and b's
	const counts = [start, start];
	const call = (i: number) => {
		const counter = i === 1 ? 1 : 0;
		const value = itemAt(counts, counter);
		counts[counter] = value + 1;
		return value;
	};
	const before = calls.map((i) => {
		const name = itemAt(names, i);
		const value = call(i);
		const alias = i === 2 ? ` (${c} is ${a})` : "";
		return `${name}() → ${value}${alias}, its ${state} now ${value + 1}`;
	});
	const printed = [0, 1, 2].map((i) => `${itemAt(names, i)}() → ${call(i)}`);
	return [...before, `the print: ${printed.join(", ")}`];
}
