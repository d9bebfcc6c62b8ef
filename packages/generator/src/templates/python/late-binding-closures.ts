import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { allOf, counted } from "../prose.js";

const capitalized = (text: string) =>
	text.charAt(0).toUpperCase() + text.slice(1);

const NAMES = [
	["actions", "i", "act"],
	["makers", "n", "make"],
	["handlers", "k", "handle"],
	["steps", "x", "step"],
] as const;
const OPERATIONS = ["*", "+", "-"] as const;

interface Params {
	names: readonly [string, string, string];
	start: number;
	count: number;
	operation: (typeof OPERATIONS)[number];
	operand: number;
	comprehension: boolean;
}

export const lateBindingClosures = defineFamily<Params>({
	id: "python/late-binding-closures",
	idea: "py.closures-late-binding",
	language: "python",
	difficulty: "medium",
	title: "Late binding in closures",
	topics: ["closures", "lambda", "scope", "loops"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		start: rng.int(0, 3),
		count: rng.int(3, 4),
		operation: rng.pick(OPERATIONS),
		operand: rng.int(2, 10),
		comprehension: rng.bool(),
	}),
	build: ({
		names: [list, v, call],
		start,
		count,
		operation,
		operand,
		comprehension,
	}) => {
		const stop = start + count;
		const last = stop - 1;
		const range = start === 0 ? `range(${stop})` : `range(${start}, ${stop})`;
		const show = `print([${call}() for ${call} in ${list}])`;
		const program = (
			lambda: string,
			after: string[] = [],
			asLoop = !comprehension,
		) =>
			(asLoop
				? [
						`${list} = []`,
						`for ${v} in ${range}:`,
						`    ${list}.append(${lambda})`,
						...after,
					]
				: [`${list} = [${lambda} for ${v} in ${range}]`]
			)
				.concat(show, "")
				.join("\n");
		const body = `${v} ${operation} ${operand}`;
		const value = {
			"*": last * operand,
			"+": last + operand,
			"-": last - operand,
		}[operation];
		return {
			code: program(`lambda: ${body}`),
			mistakes: [
				{
					misconception: belief`each lambda keeps the value ${v} had when that lambda was created`,
					code: program(`lambda ${v}=${v}: ${body}`),
				},
				{
					misconception: belief`after the loop ${v} holds the stop value of the range, ${stop}`,
					code: program(`lambda: ${body}`, [`${v} = ${stop}`], true),
				},
				{
					misconception: belief`the lambdas share one ${v}, captured once, when the first lambda is created with ${v} = ${start}`,
					code: program(`lambda: ${start} ${operation} ${operand}`),
				},
			],
			explain: (answer) =>
				`A lambda looks a variable up when it is called, not when it is created. ${capitalized(allOf(count, "lambda"))} refer to the same ${v}, ` +
				`and by the time they are called ${comprehension ? "the comprehension" : "the loop"} has finished with ${v} = ${last} (the last value of ${range}), ` +
				`so each one computes ${last} ${operation} ${operand}: ${answer}.`,
			trace: [
				`${v} = ${Array.from({ length: count }, (_, i) => start + i).join(", ")}: ${counted(count, "lambda")} made, none called yet`,
				`the ${comprehension ? "comprehension" : "loop"} ends with ${v} = ${last}`,
				`each call looks ${v} up now: ${last} ${operation} ${operand} → ${value}`,
			],
		};
	},
});
