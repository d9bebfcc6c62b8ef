import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { agree, counted, listed, noun } from "../prose.js";

const NAMES = [
	["items", "part"],
	["queue", "taken"],
	["scores", "picked"],
	["cards", "hand"],
] as const;

interface Params {
	names: readonly [string, string];
	values: number[];
	method: "slice" | "splice";
	start: number;
	/** slice: the end index; splice: how many to remove */
	second: number;
}

/** An array of numbers as a step shows it. */
const shown = (values: readonly number[]) => `[${values.join(", ")}]`;

export const sliceVsSplice = defineFamily<Params>({
	id: "javascript/slice-vs-splice",
	idea: "js.slice-and-splice",
	language: "javascript",
	difficulty: "easy",
	title: "slice versus splice",
	topics: ["arrays", "slice", "splice", "mutation"],
	params: (rng) => {
		const length = rng.int(5, 6);
		const step = rng.pick([1, 2, 5, 10, 11]);
		const first = rng.int(1, 9);
		const method = rng.pick(["slice", "splice"] as const);
		const start = method === "slice" ? rng.int(1, 3) : rng.int(1, 2);
		return {
			names: rng.pick(NAMES),
			values: Array.from({ length }, (_, i) => first + i * step),
			method,
			start,
			second:
				method === "slice"
					? rng.int(start + 1, length - 1)
					: rng.int(1, length - start - 1),
		};
	},
	build: ({ names: [list, part], values, method, start, second }) => {
		const program = (call: string, after = "") =>
			`const ${list} = [${values.join(", ")}];\nconst ${part} = ${call};\n${after}console.log(${part}, ${list});\n`;
		const call = `${list}.${method}(${start}, ${second})`;
		const removed = values.slice(start, start + second);
		if (method === "slice")
			return {
				code: program(call),
				mistakes: [
					{
						misconception: belief`the end index of slice is included`,
						code: program(`${list}.slice(${start}, ${second + 1})`),
					},
					{
						misconception: belief`slice removes the elements it returns from the array`,
						// a line of its own that removes what slice returned, so this belief combines with those about the indexes
						code: program(
							call,
							`${list}.splice(${list}.indexOf(${part}[0]), ${part}.length);\n`,
						),
					},
					{
						misconception: belief`array positions are counted from 1`,
						code: program(`${list}.slice(${start - 1}, ${second - 1})`),
					},
					// from 1, or with both ends past the array, a count prints what "the end is included" prints
					...(start > 1 && second + 1 < values.length
						? [
								{
									misconception: belief`the second argument of slice is how many elements to take`,
									code: program(`${list}.slice(${start}, ${start + second})`),
								},
							]
						: []),
				],
				explain: (answer) =>
					`${call} returns a new array with the ${noun(second - start, "element")} from index ${start} up to, but not including, index ${second}, ` +
					`here ${listed(values.slice(start, second).map(String))}, and leaves ${list} unchanged. It prints ${answer}.`,
				trace: [
					`${call}: copies from index ${start} up to index ${second}, not included → ${shown(values.slice(start, second))}`,
					`${list} is not changed: ${shown(values)}`,
				],
			};
		return {
			code: program(call),
			mistakes: [
				{
					misconception: belief`the second argument of splice is an end index, as in slice`,
					code: program(
						`${list}.splice(${start}, ${Math.max(0, second - start)})`,
					),
				},
				// each belief edits its own piece (the count, a line after, the assignment), so any two combine
				{
					misconception: belief`splice returns a copy and leaves the array unchanged, like slice`,
					code: program(
						call,
						`if (${part} !== ${list}) ${list}.splice(${start}, 0, ...${part});\n`,
					),
				},
				{
					misconception: belief`splice returns the array that is left`,
					code: program(`(${call}, ${list})`),
				},
			],
			explain: (answer) =>
				`${call} removes ${counted(second, "element")} starting at index ${start} from ${list} itself and returns ${agree(second, "it", "them")} in a new array, ` +
				`so ${part} holds the removed ${noun(second, "element")}, ${listed(removed.map(String))}, and ${list} is left with ${listed(values.filter((_, i) => i < start || i >= start + second).map(String))}. It prints ${answer}.`,
			trace: [
				`${call}: takes ${counted(second, "element")} out from index ${start} → ${shown(removed)}`,
				`${list} is changed in place: ${shown(values.filter((_, i) => i < start || i >= start + second))}`,
			],
		};
	},
});
