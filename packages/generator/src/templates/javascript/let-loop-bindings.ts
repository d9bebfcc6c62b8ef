import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { counted, listed } from "../prose.js";

const NAMES = [
	{ list: "fns", v: "i" },
	{ list: "readers", v: "n" },
	{ list: "getters", v: "k" },
	{ list: "thunks", v: "step" },
	{ list: "callbacks", v: "j" },
	{ list: "handlers", v: "x" },
] as const;

/**
 * Where the loop's let stands: before the loop, so all iterations share it; or in the header, with
 * the body moving it on, so each closure sees its iteration's copy after the body has changed it.
 */
type Shape = "declaredBefore" | "changedInBody";

interface Params {
	names: (typeof NAMES)[number];
	shape: Shape;
	start: number;
	/** how many closures the loop makes */
	count: number;
	/** what each closure adds to the variable */
	offset: number;
}

/** One misconception per part of the loop. */
interface Belief {
	/** each iteration gets its own copy even when let stands before the loop */
	ownCopy?: boolean;
	/** a closure sees the variable as it was when the closure was made */
	snapshot?: boolean;
	/** one variable is shared by every iteration, as with var */
	shared?: boolean;
	/** the closure sees the value after the header's update too */
	afterUpdate?: boolean;
	/** after the loop, the variable holds the last value the body saw */
	lastSeen?: boolean;
}

export const letLoopBindings = defineFamily<Params>({
	id: "javascript/let-loop-bindings",
	idea: "js.closures",
	language: "javascript",
	difficulty: "hard",
	title: "Which copy of a let loop variable a closure sees",
	topics: ["closures", "let", "loops", "scope", "bindings"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		// a let before the loop prints one value repeated, which stands out among the options
		shape: rng.int(0, 2) === 0 ? "declaredBefore" : "changedInBody",
		start: rng.int(0, 4),
		count: rng.int(3, 4),
		offset: rng.pick([0, 1, 10, 100]),
	}),
	build: ({ names: { list, v }, shape, start, count, offset }) => {
		const read = offset === 0 ? v : `${v} + ${offset}`;
		// the body also steps the variable, so the loop runs `count` times
		const stop = shape === "changedInBody" ? start + 2 * count : start + count;
		const program = (b: Belief = {}) => {
			const expression = b.afterUpdate
				? `${v} + ${offset + 1}`
				: b.snapshot
					? `${v}Then${offset === 0 ? "" : ` + ${offset}`}`
					: read;
			const push = b.snapshot
				? [`  const ${v}Then = ${v};`, `  ${list}.push(() => ${expression});`]
				: [`  ${list}.push(() => ${expression});`];
			if (shape === "declaredBefore")
				return [
					`const ${list} = [];`,
					...(b.ownCopy ? [] : [`let ${v};`]),
					`for (${b.ownCopy ? "let " : ""}${v} = ${start}; ${v} < ${stop}; ${v}++) {`,
					...push,
					"}",
					...(b.lastSeen ? [`${v}--;`] : []),
					`console.log(${list}.map((f) => f()));`,
					"",
				].join("\n");
			return [
				`const ${list} = [];`,
				`for (${b.shared ? "var" : "let"} ${v} = ${start}; ${v} < ${stop}; ${v}++) {`,
				...push,
				`  ${v}++;`,
				"}",
				`console.log(${list}.map((f) => f()));`,
				"",
			].join("\n");
		};
		// in the body-changed loop, iteration i's closure sees start + 2i + 1
		const seen = Array.from({ length: count }, (_, i) =>
			String(start + 2 * i + 1),
		);
		const range = Array.from({ length: count }, (_, i) => start + i);
		const sum = (n: number) =>
			offset === 0 ? "" : `, ${n} + ${offset} = ${n + offset}`;
		if (shape === "declaredBefore")
			return {
				code: program(),
				mistakes: [
					{
						misconception: belief`let gives every iteration its own copy of ${v}, even when it is declared before the loop`,
						code: program({ ownCopy: true }),
					},
					{
						misconception: belief`after the loop ${v} holds the last value the body saw, ${stop - 1}`,
						code: program({ lastSeen: true }),
					},
					{
						misconception: belief`each closure sees its own ${v} after that iteration's ${v}++`,
						code: program({ ownCopy: true, afterUpdate: true }),
					},
				],
				explain: (answer) =>
					`let ${v}; before the loop declares one variable, and the loop header only assigns to it, so every iteration and every closure share it. ` +
					`The closures run after the loop, when ${v} has reached ${stop}, the value that ended the loop, so each gives ${stop + offset}. It prints ${answer}.`,
				trace: [
					`let ${v}; before the loop: one ${v}, shared by every closure`,
					`${v} = ${listed(range.map(String))}: the loop pushes ${counted(count, "closure")}`,
					`${v}++ makes ${v} ${stop}; ${stop} < ${stop} is false, so the loop ends`,
					`each closure reads ${v} = ${stop}${sum(stop)}`,
					`${list}.map((f) => f()) = [${range.map(() => stop + offset).join(", ")}]`,
				],
			};
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`each closure keeps ${v} as it was when the closure was made, before the ${v}++ in the body`,
					code: program({ snapshot: true }),
				},
				{
					misconception: belief`the loop shares one ${v} between its iterations, as it would with var`,
					code: program({ shared: true }),
				},
				{
					misconception: belief`the header's ${v}++ at the end of an iteration also changes the copy that iteration's closure sees`,
					code: program({ afterUpdate: true }),
				},
			],
			explain: (answer) =>
				`A let in a for header gives each iteration its own ${v}. The body's ${v}++ changes the current iteration's copy, which its closure sees; ` +
				`then the next iteration starts from a new copy holding that value, and the header's ${v}++ changes only the new copy. ` +
				`So the closures see ${listed(seen)}${offset === 0 ? "" : ` and add ${offset}`}. It prints ${answer}.`,
			trace: [
				`copy 1: ${v} = ${start}; the body's ${v}++ makes it ${start + 1}, which its closure sees`,
				...range
					.slice(1)
					.map(
						(_, i) =>
							`copy ${i + 2} starts at ${start + 2 * i + 1}: the header's ${v}++ makes it ${start + 2 * i + 2} and the body's ${start + 2 * i + 3}`,
					),
				`a new copy starts at ${stop - 1}: the header's ${v}++ makes it ${stop}; ${stop} < ${stop} is false, so the loop ends`,
				`${list}.map((f) => f()) = [${seen.map((n) => Number(n) + offset).join(", ")}]`,
			],
		};
	},
});
