import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { listed } from "../prose.js";

const FALSY = ["0", '""', "null", "undefined", "NaN", "false"];
const EMPTY_OBJECTS = ["[]", "{}"];
const SPELLED_FALSE = ['"0"', '"false"', '"null"'];
const TRUTHY = ["7", "-1", '"no"', "[0]", "0.5"];
const NAMES = [
	["values", "kept"],
	["inputs", "passed"],
	["answers", "truthy"],
	["fields", "filled"],
] as const;

/** Why a value the loop keeps is truthy. */
const whyTruthy = (value: string) =>
	value.startsWith('"')
		? "a non-empty string"
		: EMPTY_OBJECTS.includes(value)
			? "an object, even an empty one"
			: value.startsWith("[")
				? "an array, whatever it holds"
				: "a number other than 0";

interface Params {
	names: readonly [string, string];
	values: string[];
}

export const truthiness = defineFamily<Params>({
	id: "javascript/truthiness",
	idea: "js.truthiness",
	language: "javascript",
	difficulty: "easy",
	title: "Truthy and falsy values",
	topics: ["truthiness", "booleans", "conditions", "arrays"],
	params: (rng) => {
		// at least one falsy value that is neither null, undefined nor false
		const falsy = [rng.pick(["0", '""', "NaN"]), rng.pick(FALSY)];
		const values = [
			rng.pick(SPELLED_FALSE),
			rng.pick(EMPTY_OBJECTS),
			...falsy,
			rng.pick(TRUTHY),
		];
		return {
			names: rng.pick(NAMES),
			values: rng.shuffle([...new Set(values)]),
		};
	},
	build: ({ names: [list, kept], values }) => {
		// a belief that one value is falsy swaps that value for null, which every condition drops,
		// rather than editing the condition: the beliefs then edit apart and combine
		const program = (condition: string, falsy?: string) =>
			[
				`const ${list} = [${values.map((v) => (v === falsy ? "null" : v)).join(", ")}];`,
				`const ${kept} = [];`,
				`for (const v of ${list}) {`,
				`  if (${condition}) ${kept}.push(v);`,
				"}",
				`console.log(${kept});`,
				"",
			].join("\n");
		const mistakes = [
			{
				misconception: belief`an empty array or empty object is falsy, as in Python`,
				code: program(
					"v",
					values.find((v) => EMPTY_OBJECTS.includes(v)),
				),
			},
			{
				misconception: belief`a string that spells a false value, such as "0" or "false", is falsy`,
				code: program(
					"v",
					values.find((v) => SPELLED_FALSE.includes(v)),
				),
			},
		];
		mistakes.push({
			misconception: belief`only null, undefined and false are falsy, so 0, empty strings and NaN are kept`,
			code: program("v !== null && v !== undefined && v !== false"),
		});
		if (values.includes("NaN"))
			mistakes.push({
				misconception: belief`NaN is truthy, since it is a number other than zero`,
				code: program("v || Number.isNaN(v)"),
			});
		return {
			code: program("v"),
			mistakes,
			explain: (answer) =>
				`JavaScript has exactly eight falsy values: false, 0, -0, 0n, "", null, undefined and NaN. Everything else is truthy, ` +
				`including every array and object, even empty ones, and every non-empty string, whatever it spells. ` +
				`So the loop drops ${listed(values.filter((v) => FALSY.includes(v)))} and keeps the rest: ${answer}.`,
			trace: values.map((v) =>
				FALSY.includes(v)
					? `v = ${v}: falsy, dropped`
					: `v = ${v}: truthy (${whyTruthy(v)}), kept`,
			),
		};
	},
});
