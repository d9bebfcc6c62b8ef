import { belief } from "../belief.js";
import { defineFamily } from "../family.js";

const NAMES = [
	["scores", "copy"],
	["items", "backup"],
	["queue", "saved"],
	["list", "other"],
] as const;

interface Params {
	names: readonly [string, string];
	values: number[];
	pushed: number;
}

export const arrayAliasing = defineFamily<Params>({
	id: "javascript/array-aliasing",
	idea: "js.aliasing",
	language: "javascript",
	difficulty: "medium",
	title: "Array aliasing",
	topics: ["arrays", "aliasing", "references", "copying"],
	params: (rng) => ({
		names: rng.pick(NAMES),
		values: Array.from({ length: rng.int(2, 4) }, () => rng.int(1, 9)),
		pushed: rng.int(10, 99),
	}),
	build: ({ names: [original, alias], values, pushed }) => {
		const program = (
			assignment: string,
			shown = `${original}.length, ${original}`,
		) =>
			`const ${original} = [${values.join(", ")}];\nconst ${alias} = ${assignment};\n${alias}.push(${pushed});\nconsole.log(${shown});\n`;
		return {
			code: program(original),
			mistakes: [
				{
					misconception: belief`assigning an array to a new variable copies it`,
					code: program(`[...${original}]`),
				},
				{
					misconception: belief`push adds the new element at the front of the array, as unshift does`,
					code: `const ${original} = [${[pushed, ...values].join(", ")}];\nconsole.log(${original}.length, ${original});\n`,
				},
				{
					misconception: belief`length counts from 0 as indexes do, so it is the index of the last element`,
					code: `const ${original} = [${[...values, pushed].join(", ")}];\nconsole.log(${original}.length - 1, ${original});\n`,
				},
			],
			explain: (answer) =>
				`const ${alias} = ${original} copies the reference, not the array: both names point at the same array. ` +
				`Pushing ${pushed} through ${alias} changes the array that ${original} shows, so the code prints ${answer}.`,
			trace: [
				`const ${alias} = ${original}: two names, one array [${values.join(", ")}]`,
				`${alias}.push(${pushed}): ${original} is [${[...values, pushed].join(", ")}] too`,
				`${original}.length → ${values.length + 1}`,
			],
		};
	},
});
