import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily } from "../family.js";

/** Properties by type: the falsy values that are not null or undefined, and fallbacks. */
const TYPES = [
	{
		props: ["volume", "count", "limit", "page", "retries", "delay"],
		falsy: ["0", "0", "NaN"],
		fallbacks: ["5", "10", "1", "3", "100"],
	},
	{
		props: ["title", "label", "color", "theme", "mode", "prefix"],
		falsy: ['""'],
		fallbacks: ['"dark"', '"none"', '"red"', '"untitled"', '"auto"'],
	},
	{
		props: ["enabled", "visible", "muted", "strict", "cached"],
		falsy: ["false"],
		fallbacks: ["true"],
	},
];
const OBJECTS = ["settings", "options", "config", "prefs"];
const READS = ["or", "nullish", "default"] as const;

type Read = (typeof READS)[number];

interface Field {
	prop: string;
	/** the value in the object, as a literal */
	value: string;
	fallback: string;
	read: Read;
	/** left out of the object, so it reads as undefined */
	missing?: boolean;
}

interface Params {
	object: string;
	/** the fields in the order they are read and printed */
	fields: Field[];
	/** the order of the properties in the object literal */
	declared: string[];
}

/** || and ?? read a falsy value that is not null, so each shows the other's rule; the default reads null. */
function drawField(rng: Rng, read: Read, used: Set<string>): Field {
	const type = rng.pick(TYPES);
	const prop = rng.pick(type.props.filter((p) => !used.has(p)));
	used.add(prop);
	const value = read === "default" ? "null" : rng.pick(type.falsy);
	return { prop, value, fallback: rng.pick(type.fallbacks), read };
}

/** The field that matches; params guarantees there is one. */
function fieldOf(fields: readonly Field[], matches: (f: Field) => boolean) {
	const field = fields.find(matches);
	if (!field) throw new RangeError("no field matches");
	return field;
}

export const fallbackValues = defineFamily<Params>({
	id: "javascript/fallback-values",
	idea: "js.default-values",
	language: "javascript",
	difficulty: "easy",
	title: "Fallback values with ||, ?? and defaults",
	topics: [
		"nullish coalescing",
		"default values",
		"destructuring",
		"operators",
		"truthiness",
	],
	params: (rng) => {
		const used = new Set<string>();
		const fields = READS.map((read) => drawField(rng, read, used));
		if (rng.bool())
			fields.push({ ...drawField(rng, rng.pick(READS), used), missing: true });
		return {
			object: rng.pick(OBJECTS),
			fields: rng.shuffle(fields),
			declared: rng.shuffle(
				fields.filter((f) => !f.missing).map((f) => f.prop),
			),
		};
	},
	build: ({ object, fields, declared }) => {
		const literal = declared
			.map((p) => `${p}: ${fieldOf(fields, (f) => f.prop === p).value}`)
			.join(", ");
		const line = (f: Field, read: Read) => {
			if (read === "default")
				return `const { ${f.prop} = ${f.fallback} } = ${object};`;
			return `const ${f.prop} = ${object}.${f.prop} ${read === "or" ? "||" : "??"} ${f.fallback};`;
		};
		// a mistake reads some fields another way; the others are read as the snippet reads them
		const program = (swap: Partial<Record<Read, Read>> = {}) =>
			[
				`const ${object} = { ${literal} };`,
				...fields.map((f) => line(f, swap[f.read] ?? f.read)),
				`console.log([${fields.map((f) => f.prop).join(", ")}]);`,
				"",
			].join("\n");
		// every read has a field in the object (params draws one per read), and one more may be missing
		const inObject = (read: Read) =>
			fieldOf(fields, (f) => f.read === read && !f.missing);
		const or = inObject("or");
		const nullish = inObject("nullish");
		const fallback = inObject("default");
		const missing = fields.find((f) => f.missing);
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`|| falls back only on null or undefined, as ?? does, so ${or.prop} keeps ${or.value}`,
					code: program({ or: "nullish" }),
				},
				{
					misconception: belief`?? falls back on any falsy value, as || does, so ${nullish.value} is replaced`,
					code: program({ nullish: "or" }),
				},
				{
					misconception: belief`a default value in destructuring also replaces null`,
					code: program({ default: "nullish" }),
				},
			],
			explain: (answer) =>
				`|| falls back whenever the left side is falsy, so ${or.value} || ${or.fallback} gives ${or.fallback}. ` +
				`?? falls back only when the left side is null or undefined, so ${nullish.value} ?? ${nullish.fallback} keeps ${nullish.value}. ` +
				`A destructuring default is used only when the value is undefined, so ${fallback.prop}, which is null, stays null. ` +
				(missing
					? `${missing.prop} is not in ${object} at all, so it reads as undefined, and all three forms fall back for undefined: it is ${missing.fallback}. `
					: "") +
				`It prints ${answer}.`,
			trace: fields.map((f) => fieldStep(object, f)),
		};
	},
});

/** How one field's read comes out. */
function fieldStep(object: string, f: Field) {
	if (f.missing)
		return `${f.prop}: not in ${object}, so undefined, and the fallback ${f.fallback} is used`;
	switch (f.read) {
		case "or":
			return `${f.prop}: ${f.value} is falsy, so || gives ${f.fallback}`;
		case "nullish":
			return `${f.prop}: ${f.value} is not null or undefined, so ?? keeps ${f.value}`;
		case "default":
			return `${f.prop}: null is not undefined, so the default ${f.fallback} is skipped: null`;
	}
}
