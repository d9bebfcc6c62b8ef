import { belief } from "../belief.js";
import { defineFamily, type Instance } from "../family.js";
import { listed } from "../prose.js";

/** array, sum, collected list, loop variable */
const NAMES = [
	["prices", "total", "keys", "p"],
	["scores", "sum", "seen", "s"],
	["counts", "result", "found", "c"],
	["sizes", "acc", "picked", "x"],
] as const;

/** Easy: array, what for...of collects, what for...in collects, loop variable */
const BOTH_NAMES = [
	["prices", "fromOf", "fromIn", "p"],
	["scores", "viaOf", "viaIn", "s"],
	["counts", "seenOf", "seenIn", "c"],
	["sizes", "ofList", "inList", "x"],
] as const;

/** Easy: one for...of and one for...in over the same array, each collecting what it is given. */
interface Both {
	shape: "both";
	names: (typeof BOTH_NAMES)[number];
	values: number[];
	/** the for...in loop (and its list) comes first */
	inFirst: boolean;
}

/** Medium: one for...in loop that sums, or collects, its keys */
interface Loop {
	shape: "loop";
	names: readonly [string, string, string, string];
	values: number[];
	collect: boolean;
	/** summing: the starting total; collecting: what is added to each key (0 for nothing) */
	number: number;
}
type Params = Both | Loop;

export const forInVsForOf = defineFamily<Params>({
	id: "javascript/for-in-vs-for-of",
	idea: "js.for-in-and-for-of",
	language: "javascript",
	difficulty: ["easy", "medium"],
	title: "for...in versus for...of on arrays",
	topics: ["loops", "arrays", "iteration", "for-in", "for-of"],
	params: (rng, difficulty): Params => {
		if (difficulty === "easy")
			return {
				shape: "both",
				names: rng.pick(BOTH_NAMES),
				values: Array.from({ length: rng.int(3, 4) }, () => rng.int(2, 25)),
				inFirst: rng.bool(),
			};
		const names = rng.pick(NAMES);
		// mostly two digits, so the values as strings print longer than the index strings: the
		// answer is then not the longest option
		const values = Array.from({ length: rng.int(3, 5) }, () => rng.int(2, 25));
		const collect = rng.bool();
		return {
			shape: "loop",
			names,
			values,
			collect,
			number: collect
				? rng.pick([0, 0, 1, 2, 10])
				: rng.pick([0, 0, 1, 5, 10, 100]),
		};
	},
	build: (p) => (p.shape === "both" ? both(p) : loop(p)),
});

function loop({
	names: [list, sum, collected, v],
	values,
	collect,
	number,
}: Loop): Instance {
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
				misconception: belief`for...in loops over the array's values`,
				code: program(`for (const ${v} of ${list})`),
			},
			{
				misconception: belief`for...in gives the values, but as strings`,
				code: program(`for (const ${v} of ${list}.map(String))`),
			},
			{
				misconception: belief`for...in gives the indexes as numbers`,
				code: program(`for (let ${v} = 0; ${v} < ${list}.length; ${v}++)`),
			},
		],
		explain: (answer) =>
			`for...in walks over property names, and an array's indexes are property names: the strings ${listed(indexes.map((i) => `"${i}"`))}, not the values ${listed(values.map(String))}. ` +
			(!collect
				? `${number} + "0" is the string "${number}0", and from then on every + joins text, so ${acc} ends as ${answer}.`
				: number === 0
					? `So ${acc} collects those strings: ${answer}.`
					: `Each key is a string, so ${v} + ${number} joins text: "0" + ${number} is "0${number}", and ${acc} collects ${answer}.`),
		trace: collect
			? indexes.map((i) =>
					number === 0
						? `${v} = "${i}": push "${i}"`
						: `${v} = "${i}": "${i}" + ${number} → "${i}${number}", pushed`,
				)
			: [
					`${acc} = ${number}`,
					...indexes.map(
						(i) =>
							`${v} = "${i}": ${acc} = ${i === 0 ? number : `"${number}${indexes.slice(0, i).join("")}"`} + "${i}" → "${number}${indexes.slice(0, i + 1).join("")}"`,
					),
				],
	};
}

function both({
	names: [list, ofName, inName, v],
	values,
	inFirst,
}: Both): Instance {
	const program = (ofLoop: string, inLoop: string) => {
		const [ofPart, inPart] = [
			{
				declare: `const ${ofName} = [];`,
				loop: `${ofLoop} ${ofName}.push(${v});`,
			},
			{
				declare: `const ${inName} = [];`,
				loop: `${inLoop} ${inName}.push(${v});`,
			},
		];
		const parts = inFirst ? [inPart, ofPart] : [ofPart, inPart];
		return [
			`const ${list} = [${values.join(", ")}];`,
			...parts.map((part) => part.declare),
			...parts.map((part) => part.loop),
			`console.log(${inFirst ? `${inName}, ${ofName}` : `${ofName}, ${inName}`});`,
			"",
		].join("\n");
	};
	const [forOf, forIn] = [
		`for (const ${v} of ${list})`,
		`for (const ${v} in ${list})`,
	];
	const keys = values.map((_, i) => `"${i}"`);
	return {
		code: program(forOf, forIn),
		mistakes: [
			{
				misconception: belief`for...in loops over the array's values, as for...of does`,
				code: program(forOf, forOf),
			},
			{
				misconception: belief`for...in gives the indexes, as numbers`,
				code: program(
					forOf,
					`for (let ${v} = 0; ${v} < ${list}.length; ${v}++)`,
				),
			},
			{
				misconception: belief`for...in gives the values, but as strings`,
				code: program(forOf, `for (const ${v} of ${list}.map(String))`),
			},
			{
				misconception: belief`the two are the other way round: for...of gives the indexes and for...in the values`,
				code: program(forIn, forOf),
			},
		],
		explain: (answer) =>
			`for...of walks over an array's values, so ${ofName} gets ${listed(values.map(String))}. ` +
			`for...in walks over property names, and an array's indexes are its property names: ${inName} gets the strings ${listed(keys)}. It prints ${answer}.`,
		trace: [
			`${forOf}: ${v} = ${values.join(", then ")}`,
			`${forIn}: ${v} = ${keys.join(", then ")} (indexes, as strings)`,
		],
	};
}
