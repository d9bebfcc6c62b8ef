import { defineFamily } from "../family.js";

/** array, sum, collected list, loop variable */
const NAMES = [
	["prices", "total", "keys", "p"],
	["scores", "sum", "seen", "s"],
	["counts", "result", "found", "c"],
	["sizes", "acc", "picked", "x"],
] as const;

interface Params {
	names: readonly [string, string, string, string];
	values: number[];
	collect: boolean;
	/** summing: the starting total; collecting: what is added to each key (0 for nothing) */
	number: number;
}

export const forInVsForOf = defineFamily<Params>({
	id: "javascript/for-in-vs-for-of",
	language: "javascript",
	difficulty: "easy",
	title: "for...in versus for...of on arrays",
	topics: ["loops", "arrays", "iteration", "for-in", "for-of"],
	params: (rng) => {
		const names = rng.pick(NAMES);
		// mostly two digits, so the values as strings print longer than the index strings: the
		// answer is then not the longest option
		const values = Array.from({ length: rng.int(3, 5) }, () => rng.int(2, 25));
		const collect = rng.bool();
		return {
			names,
			values,
			collect,
			number: collect
				? rng.pick([0, 0, 1, 2, 10])
				: rng.pick([0, 0, 1, 5, 10, 100]),
		};
	},
	build: ({ names: [list, sum, collected, v], values, collect, number }) => {
		const acc = collect ? collected : sum;
		const pushed = number === 0 ? v : `${v} + ${number}`;
		const program = (loop: string) =>
			[
				`const ${list} = [${values.join(", ")}];`,
				collect ? `const ${acc} = [];` : `let ${acc} = ${number};`,
				`${loop} {`,
				collect ? `  ${acc}.push(${pushed});` : `  ${acc} += ${v};`,
				"}",
				`console.log(${acc});`,
				"",
			].join("\n");
		const indexes = values.map((_, i) => i);
		return {
			code: program(`for (const ${v} in ${list})`),
			mistakes: [
				{
					misconception: "for...in loops over the array's values",
					code: program(`for (const ${v} of ${list})`),
				},
				{
					misconception: "for...in gives the values, but as strings",
					code: program(`for (const ${v} of ${list}.map(String))`),
				},
				{
					misconception: "for...in gives the indexes as numbers",
					code: program(`for (let ${v} = 0; ${v} < ${list}.length; ${v}++)`),
				},
			],
			explain: (answer) =>
				`for...in walks over property names, and an array's indexes are property names: the strings ${indexes.map((i) => `"${i}"`).join(", ")}, not the values ${values.join(", ")}. ` +
				(!collect
					? `${number} + "0" is the string "${number}0", and from then on every + joins text, so ${acc} ends as ${answer}.`
					: number === 0
						? `So ${acc} collects those strings: ${answer}.`
						: `"0" + ${number} joins text too, giving "0${number}", so ${acc} collects ${answer}.`),
		};
	},
});
