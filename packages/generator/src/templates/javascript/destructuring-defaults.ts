import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt, threeOf, twoOf } from "../item-at.js";

const OBJECTS = ["settings", "options", "config", "job"];
/** Number fields, each with the name it is read into when renamed. */
const FIELDS = [
	{ field: "limit", alias: "max" },
	{ field: "retries", alias: "tries" },
	{ field: "volume", alias: "loudness" },
	{ field: "delay", alias: "wait" },
	{ field: "page", alias: "current" },
	{ field: "level", alias: "depth" },
] as const;
const LISTS = [
	{ list: "sizes", names: ["small", "large"] },
	{ list: "ports", names: ["main", "backup"] },
	{ list: "scores", names: ["gold", "bronze"] },
	{ list: "steps", names: ["start", "finish"] },
] as const;
/** Falsy values that are neither null nor undefined, with a default of the same type. */
const FALSY = [
	{ value: "0", fallback: "10" },
	{ value: "0", fallback: "25" },
	{ value: "false", fallback: "true" },
	{ value: "0", fallback: "5" },
] as const;

interface Params {
	object: string;
	/** the field set to null, and the falsy field read under another name */
	fields: readonly [(typeof FIELDS)[number], (typeof FIELDS)[number]];
	nullDefault: number;
	falsy: (typeof FALSY)[number];
	list: (typeof LISTS)[number];
	/** the list's items; with two, the pattern's last variable falls back to its default */
	items: number[];
	listDefault: number;
	/** the order of the properties in the object literal */
	declared: readonly [number, number, number];
}

/** One misconception per part of the pattern, so that mistakes combine. */
interface Belief {
	/** a default also replaces null */
	nullDefaults?: boolean;
	/** a default replaces any falsy value */
	falsyDefaults?: boolean;
	/** an empty slot in an array pattern is skipped over */
	holeSkipped?: boolean;
}

export const destructuringDefaults = defineFamily<Params>({
	id: "javascript/destructuring-defaults",
	idea: "js.default-values",
	language: "javascript",
	difficulty: "medium",
	title: "Destructuring with defaults, renaming and holes",
	topics: ["destructuring", "default values", "arrays", "objects", "null"],
	params: (rng) => {
		const list = rng.pick(LISTS);
		const items = rng.sample([2, 3, 4, 6, 7, 8, 9], rng.int(2, 3));
		return {
			object: rng.pick(OBJECTS),
			fields: twoOf(rng.sample(FIELDS, 2)),
			nullDefault: rng.int(1, 9),
			falsy: rng.pick(FALSY),
			list,
			items,
			listDefault: rng.pick([1, 5, 10, 99].filter((n) => !items.includes(n))),
			declared: threeOf(rng.shuffle([0, 1, 2])),
		};
	},
	build: (p) => {
		const nulled = p.fields[0].field;
		const { field: falsyField, alias } = p.fields[1];
		const [first, last] = p.list.names;
		const program = (b: Belief = {}) => {
			const properties = [
				`${nulled}: ${b.nullDefaults ? "undefined" : "null"}`,
				`${falsyField}: ${b.falsyDefaults ? "undefined" : p.falsy.value}`,
				`${p.list.list}: [${p.items.join(", ")}]`,
			];
			const slots = b.holeSkipped
				? `${first}, ${last} = ${p.listDefault}`
				: `${first}, , ${last} = ${p.listDefault}`;
			return [
				`const ${p.object} = { ${p.declared.map((i) => properties[i]).join(", ")} };`,
				"const {",
				`  ${nulled} = ${p.nullDefault},`,
				`  ${falsyField}: ${alias} = ${p.falsy.fallback},`,
				`  ${p.list.list}: [${slots}],`,
				`} = ${p.object};`,
				`console.log(${nulled}, ${alias}, ${last});`,
				"",
			].join("\n");
		};
		const third = p.items.length > 2 ? itemAt(p.items, 2) : null;
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`the default ${p.nullDefault} also replaces null, so ${nulled} is ${p.nullDefault}`,
					code: program({ nullDefaults: true }),
				},
				{
					misconception: belief`a default replaces any falsy value, as || does, so ${alias} is ${p.falsy.fallback}`,
					code: program({ falsyDefaults: true }),
				},
				{
					misconception: belief`the empty slot between ${first} and ${last} in the array pattern is skipped over, so ${last} takes the second item`,
					code: program({ holeSkipped: true }),
				},
			],
			explain: (answer) =>
				`A destructuring default is used only when the value is undefined: ${nulled} is null, so it stays null, and ${falsyField} is ${p.falsy.value}, which is falsy but not undefined, so it is kept. ` +
				`${falsyField}: ${alias} reads the property ${falsyField} into a variable called ${alias}. ` +
				`In the array pattern, the empty slot between ${first} and ${last} skips the second item, so ${last} takes the third` +
				(third === null
					? `, but ${p.list.list} has only two items, so ${last} is undefined and takes its default, ${p.listDefault}. `
					: `, ${third}. `) +
				`It prints ${answer}.`,
			trace: [
				`${nulled}: null is not undefined, so the default ${p.nullDefault} is skipped: null`,
				`${falsyField} read into ${alias}: ${p.falsy.value} is not undefined, so ${alias} is ${p.falsy.value}`,
				`[${first}, , ${last}]: ${first} = ${itemAt(p.items, 0)}, the hole skips ${itemAt(p.items, 1)}, ` +
					(third === null
						? `no third item, so ${last} takes its default, ${p.listDefault}`
						: `${last} = ${third}`),
			],
		};
	},
});
