import { oneLine } from "../../sandbox/outcome-option.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt } from "../item-at.js";

/** What the loop builds from each number: an array of that length, or a string repeated that often. */
const BUILDS = [
	{
		kind: "array",
		make: (n: string) => `new Array(${n}).fill(0)`,
		what: "an array of length",
	},
	{
		kind: "repeat",
		make: (n: string) => `"ab".repeat(${n})`,
		what: "a string of",
	},
] as const;
const LISTS = ["sizes", "counts", "widths", "lengths"] as const;
const LOOPS = ["n", "size", "k"] as const;

interface Params {
	build: (typeof BUILDS)[number];
	list: (typeof LISTS)[number];
	loop: (typeof LOOPS)[number];
	/** the numbers, in order; exactly one is negative, with one number or more before it and two or more after */
	numbers: number[];
}

export const invalidLength = defineFamily<Params>({
	id: "javascript/invalid-length",
	idea: "js.invalid-lengths",
	language: "javascript",
	difficulty: "hard",
	kind: "error",
	title: "A negative length or count",
	topics: ["rangeerror", "arrays", "strings", "repeat", "exceptions"],
	params: (rng) => {
		// two or more numbers after the negative one: the beliefs that the loop goes on print them
		const size = rng.int(4, 5);
		const at = rng.int(1, size - 3);
		return {
			build: rng.pick(BUILDS),
			list: rng.pick(LISTS),
			loop: rng.pick(LOOPS),
			numbers: Array.from({ length: size }, (_, i) =>
				i === at ? -rng.int(1, 4) : rng.int(0, 4),
			),
		};
	},
	build: ({ build, list, loop, numbers }) => {
		const program = (made: string, top = "") =>
			`${top}const ${list} = [${numbers.join(", ")}];\n` +
			`for (const ${loop} of ${list}) {\n  const made = ${made};\n  console.log(${loop}, made.length);\n}\nconsole.log("done");\n`;
		const negative = numbers.findIndex((n) => n < 0);
		const bad = itemAt(numbers, negative);
		const before = numbers.slice(0, negative);
		const noun = build.kind === "array" ? "length" : "count";
		return {
			code: program(build.make(loop)),
			mistakes: [
				{
					misconception: belief`a negative ${noun} such as ${bad} counts as 0`,
					code: program(build.make(`Math.max(${loop}, 0)`)),
				},
				{
					misconception: belief`JavaScript does not throw for a negative ${noun}: it gives back an empty value, whose length is undefined`,
					code: program(`${loop} < 0 ? {} : ${build.make(loop)}`),
				},
				{
					misconception: belief`a ${noun} that is out of range is a TypeError, like a value of the wrong type`,
					code: program(`${loop} < 0 ? null.length : ${build.make(loop)}`),
				},
				{
					misconception: belief`JavaScript checks every number in ${list} before the loop runs, so nothing is printed`,
					code: program(build.make(loop), `${build.make(String(bad))};\n`),
				},
			],
			explain: (answer) =>
				`${build.make(loop)} makes ${build.what} ${loop}${build.kind === "repeat" ? " copies" : ""}, and the ${noun} must be 0 or more: ` +
				`for a negative one it throws a RangeError, a value outside the range the operation accepts, not a TypeError. ` +
				`The loop prints ${before.length === 1 ? "the first number" : `the first ${before.length} numbers`} with their lengths, then ${loop} = ${bad} throws; ` +
				`nothing catches it, so the loop and "done" never run. What happens: “${oneLine(answer)}”.`,
		};
	},
});
