import { belief } from "../belief.js";
import { defineFamily } from "../family.js";

const NAMES = [
	["picked", "i"],
	["values", "n"],
	["steps", "k"],
	["seen", "x"],
	["marks", "m"],
	["stops", "s"],
	["ticks", "t"],
	["found", "j"],
] as const;

interface Params {
	names: readonly [string, string];
	start: number;
	step: number;
	count: number;
}

/** Writes the range call the way a person would: without a start of 0 or a step of 1. */
function rangeCall(start: number, stop: number, step: number): string {
	if (step !== 1) return `range(${start}, ${stop}, ${step})`;
	return start === 0 ? `range(${stop})` : `range(${start}, ${stop})`;
}

export const rangeLoops = defineFamily<Params>({
	id: "python/range-loops",
	idea: "py.ranges",
	language: "python",
	difficulty: "easy",
	title: "Looping over a range",
	topics: ["loops", "range", "iteration", "lists"],
	params: (rng) => {
		const names = rng.pick(NAMES);
		const step = rng.pick([1, 2, 3, -2, -3]);
		const count = rng.int(3, 6);
		// a countdown starts high enough to stay at or above zero
		const start =
			step < 0
				? rng.int(-step * count, -step * count + 6)
				: rng.int(0, 2) === 0
					? 0
					: // from 1, "the stop is a count" would predict the same as "the stop is included"
						rng.int(2, 6);
		return { names, start, step, count };
	},
	build: ({ names: [list, variable], start, step, count }) => {
		const stop = start + step * count;
		const program = (range: string) =>
			`${list} = []\nfor ${variable} in ${range}:\n    ${list}.append(${variable})\nprint(${list})\n`;
		const second =
			step !== 1
				? {
						misconception: belief`the step is the number of values skipped between two picks`,
						code: program(rangeCall(start, stop, step + Math.sign(step))),
					}
				: start === 0
					? {
							misconception: belief`range(${stop}) counts from 1 up to ${stop}`,
							code: program(rangeCall(1, stop + 1, 1)),
						}
					: {
							misconception: belief`the second number is how many values the range produces`,
							code: program(rangeCall(start, start + stop, 1)),
						};
		return {
			code: program(rangeCall(start, stop, step)),
			mistakes: [
				{
					misconception: belief`the stop value is part of the range`,
					code: program(rangeCall(start, stop + Math.sign(step), step)),
				},
				second,
				start === 0 && step === 1
					? {
							misconception: belief`range(${stop}) counts from 1 and stops before ${stop}`,
							code: program(rangeCall(1, stop, 1)),
						}
					: {
							misconception: belief`the step is applied before the body first runs, as in a while loop that updates ${variable} at its top, so ${start} is skipped and ${stop} is appended`,
							code: program(rangeCall(start + step, stop + step, step)),
						},
			],
			explain: (answer) =>
				`${rangeCall(start, stop, step)} starts at ${start} and goes ${step > 0 ? "up" : "down"} by ${Math.abs(step)}, stopping before it reaches ${stop}: ` +
				`the stop value is never included. The loop appends each of those ${count} values, so the list is ${answer}.`,
			trace: [
				...Array.from({ length: count }, (_, i) => {
					const values = Array.from(
						{ length: i + 1 },
						(_, j) => start + j * step,
					);
					return `${variable} = ${values.at(-1)}: ${list} = [${values.join(", ")}]`;
				}),
				`${variable} would be ${stop}, the stop, so the loop ends`,
			],
		};
	},
});
