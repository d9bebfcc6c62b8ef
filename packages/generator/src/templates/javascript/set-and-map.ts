import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { threeOf } from "../item-at.js";
import { agree, allOf, counted, numberWord, times } from "../prose.js";

const SET_VALUES = [
	['"red"', '"blue"', '"green"', '"gold"'],
	['"ann"', '"bob"', '"cy"', '"dee"'],
	["3", "5", "8", "13"],
	["10", "20", "30", "40"],
];
const NAMES = [
	["tags", "ids"],
	["seen", "labels"],
	["unique", "lookup"],
	["picked", "byKey"],
] as const;
const WORDS = ["one", "uno", "eins", "text", "num", "str", "first", "later"];

interface Params {
	names: readonly [string, string];
	/** the values the set starts from, with at least one repeat */
	values: string[];
	/** the array or object literal added several times */
	added: string;
	copies: number;
	/** the number used as a key, also used as a string key */
	key: number;
	/** values for the number key, the string key, and the later set() */
	words: [string, string, string];
	/** whether the later set() replaces the number key's value or the string key's */
	resetNumber: boolean;
}

export const setAndMap = defineFamily<Params>({
	id: "javascript/set-and-map",
	idea: "js.set-and-map",
	language: "javascript",
	difficulty: "medium",
	title: "How Set and Map compare their keys",
	topics: ["set", "map", "collections", "equality", "references"],
	params: (rng) => {
		const pool = rng.pick(SET_VALUES);
		const distinct = rng.sample(pool, rng.int(2, 3));
		const repeats = rng.sample(distinct, rng.int(1, 2));
		const item = rng.int(1, 9);
		const [a, b, c] = threeOf(rng.sample(WORDS, 3));
		return {
			names: rng.pick(NAMES),
			values: rng.shuffle([...distinct, ...repeats]),
			added: rng.pick([`[${item}]`, `{ id: ${item} }`]),
			copies: rng.int(2, 3),
			key: rng.int(1, 9),
			words: [a, b, c],
			resetNumber: rng.bool(),
		};
	},
	build: ({
		names: [set, map],
		values,
		added,
		copies,
		key,
		words: [a, b, c],
		resetNumber,
	}) => {
		const adds = Array.from({ length: copies }, () => `.add(${added})`).join(
			"",
		);
		const reset = resetNumber ? `${key}` : `"${key}"`;
		const program = (
			opts: { setLines?: string[]; mapLines?: string[]; shown?: string } = {},
		) =>
			[
				...(opts.setLines ?? [
					`const ${set} = new Set([${values.join(", ")}]);`,
					`${set}${adds};`,
				]),
				...(opts.mapLines ?? [
					`const ${map} = new Map([[${key}, "${a}"], ["${key}", "${b}"]]);`,
					`${map}.set(${reset}, "${c}");`,
				]),
				`console.log(${opts.shown ?? `${set}.size, ${map}.size, ${map}.get(${key})`});`,
				"",
			].join("\n");
		const distinct = new Set(values).size;
		const kind = added.startsWith("[") ? "arrays" : "objects";
		const single = kind === "arrays" ? "array" : "object";
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`a Set treats ${kind} with the same contents as the same item, so ${added} is added once`,
					code: program({
						setLines: [
							`const ${set} = new Set([${values.join(", ")}]);`,
							`${set}.add(${added});`,
						],
					}),
				},
				{
					misconception: belief`new Set([...]) takes the array's items as they are, repeats included, and only add() checks for a value that is already there`,
					code: program({
						setLines: [
							`const ${set} = [${values.join(", ")}];`,
							`${set}.push(${Array.from({ length: copies }, () => added).join(", ")});`,
						],
						shown: `${set}.length, ${map}.size, ${map}.get(${key})`,
					}),
				},
				{
					misconception: belief`Map keys are converted to strings, as object keys are, so ${key} and "${key}" are one key`,
					code: program({
						mapLines: [
							`const ${map} = new Map([["${key}", "${a}"], ["${key}", "${b}"]]);`,
							`${map}.set("${key}", "${c}");`,
						],
						shown: `${set}.size, ${map}.size, ${map}.get("${key}")`,
					}),
				},
				{
					misconception: belief`set() with a key that is already there adds a second entry, and get() finds the first`,
					code: program({
						mapLines: [
							`const ${map} = [[${key}, "${a}"], ["${key}", "${b}"]];`,
							`${map}.push([${reset}, "${c}"]);`,
						],
						shown: `${set}.size, ${map}.length, ${map}.find(([k]) => k === ${key})[1]`,
					}),
				},
			],
			explain: (answer) =>
				`A Set keeps each value once, comparing values as === does, so [${values.join(", ")}] gives ${counted(distinct, "distinct value")}. ` +
				`But each ${added} literal creates a new ${single}, and two ${kind} are the same value only if they are the same ${single}, so ${allOf(copies, single)} ${agree(copies, "is", "are")} added: ${set}.size is ${distinct + copies}. ` +
				`A Map compares its keys the same way and does not convert them: ${key} and "${key}" are two keys, so ${map}.size is 2. set() on a key that is already there replaces its value in place, ` +
				`and ${map}.set(${reset}, "${c}") targets the ${resetNumber ? "number" : "string"} key, so ${map}.get(${key}) is "${resetNumber ? c : a}". ` +
				`It prints ${answer}.`,
			trace: [
				`new Set([${values.join(", ")}]) keeps {${[...new Set(values)].join(", ")}}: size ${distinct}`,
				`${set}.add(${added}) ${times(copies)}: ${numberWord(copies)} different ${kind}, size ${distinct} + ${copies} = ${distinct + copies}`,
				`new Map: ${key} → "${a}" and "${key}" → "${b}" are two keys, size 2`,
				`${map}.set(${reset}, "${c}") replaces "${resetNumber ? a : b}": ${map}.get(${key}) = "${resetNumber ? c : a}"`,
			],
		};
	},
});
