import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { itemAt, twoOf } from "../item-at.js";
import { possessive } from "../prose.js";

/** An object the snippet copies: a text slot, a list slot and a nested object, with values to draw. */
interface Original {
	object: string;
	text: string;
	values: readonly string[];
	list: string;
	nested: string;
	field: string;
	fields: readonly string[];
}

const RECORDS: readonly Original[] = [
	{
		object: "user",
		text: "name",
		values: ['"ann"', '"bob"', '"cy"'],
		list: "tags",
		nested: "address",
		field: "city",
		fields: ['"Oslo"', '"Rome"', '"Lima"'],
	},
	{
		object: "book",
		text: "title",
		values: ['"Dune"', '"Emma"', '"Ulysses"'],
		list: "authors",
		nested: "meta",
		field: "year",
		fields: ["1965", "1815", "1922"],
	},
	{
		object: "order",
		text: "status",
		values: ['"new"', '"paid"', '"sent"'],
		list: "items",
		nested: "shipping",
		field: "method",
		fields: ['"post"', '"van"', '"bike"'],
	},
];
const WORDS = ['"a"', '"b"', '"x"', '"y"', '"pen"', '"cup"'];
/** The shallow copies of a value named `o`. */
type Copy = (o: string) => string;
const OBJECT_COPIES: readonly Copy[] = [
	(o) => `{ ...${o} }`,
	(o) => `Object.assign({}, ${o})`,
];
const ARRAY_COPIES: readonly Copy[] = [
	(o) => `[...${o}]`,
	(o) => `${o}.slice()`,
	(o) => `Array.from(${o})`,
];
const STEPS = ["outer", "mutate", "replace"] as const;

/** The object snippet's values: its text, list item and field, and what the copy puts in their place. */
interface ObjectValues {
	text: string;
	newText: string;
	item: string;
	pushedItem: string;
	field: string;
	newField: string;
}

interface Params {
	kind: "object" | "array";
	record: Original;
	copyName: string;
	/** the original's name, for an array */
	gridName: string;
	values: ObjectValues;
	rows: number[][];
	pushed: number;
	/** which row is changed in place and which is replaced */
	mutated: number;
	replaced: number;
	copy: Copy;
	order: (typeof STEPS)[number][];
}

interface Belief {
	deep?: boolean;
	alias?: boolean;
	/** replacing a nested value writes into the shared one instead */
	writeThrough?: boolean;
}

export const spreadCopies = defineFamily<Params>({
	id: "javascript/spread-copies",
	idea: "js.aliasing",
	language: "javascript",
	difficulty: "medium",
	title: "Spread and other shallow copies",
	topics: ["spread", "copying", "objects", "arrays", "references"],
	params: (rng) => {
		const kind = rng.bool() ? "object" : "array";
		const record = rng.pick(RECORDS);
		const [text, newText] = twoOf(rng.sample(record.values, 2));
		const [item, pushedItem] = twoOf(rng.sample(WORDS, 2));
		const [field, newField] = twoOf(rng.sample(record.fields, 2));
		const size = rng.int(2, 3);
		const [mutated, replaced] = twoOf(rng.sample([0, 1, 2].slice(0, size), 2));
		return {
			kind,
			record,
			copyName: rng.pick(["copy", "clone", "draft", "next"]),
			gridName: rng.pick(["grid", "board", "rows", "matrix"]),
			values: { text, newText, item, pushedItem, field, newField },
			rows: Array.from({ length: size }, () => [rng.int(1, 9), rng.int(1, 9)]),
			pushed: rng.int(10, 99),
			mutated,
			replaced,
			copy: rng.pick(kind === "object" ? OBJECT_COPIES : ARRAY_COPIES),
			order: rng.shuffle(STEPS),
		};
	},
	build: (p) => {
		const program = (b: Belief = {}) =>
			p.kind === "object" ? objectProgram(p, b) : arrayProgram(p, b);
		const original = p.kind === "object" ? p.record.object : p.gridName;
		const made = p.copy(original);
		const inner =
			p.kind === "object" ? "nested objects and arrays" : "inner arrays";
		return {
			code: program(),
			mistakes: [
				{
					misconception: belief`${made} copies the ${inner} too, as a deep copy would`,
					code: program({ deep: true }),
				},
				{
					misconception: belief`${made} gives another name for the same ${p.kind}, as plain assignment does`,
					code: program({ alias: true }),
				},
				{
					misconception: belief`assigning a new value to a slot of ${p.copyName} changes the ${p.kind === "object" ? "object" : "array"} that slot held, which ${original} shares`,
					code: program({ writeThrough: true }),
				},
				p.kind === "array"
					? {
							misconception: belief`${made} still shares the outer array, so ${p.copyName}.push([0]) adds a row to ${original} too`,
							code: program().replace(
								`${p.copyName}.push([0]);`,
								`${p.copyName}.push([0]);\n${original}.push([0]);`,
							),
						}
					: {
							misconception: belief`${made} still shares ${possessive(original)} ${p.record.text}, so giving ${p.copyName}.${p.record.text} a new value changes ${original}.${p.record.text} too`,
							code: program().replace(
								`${p.copyName}.${p.record.text} = ${p.values.newText};`,
								`${p.copyName}.${p.record.text} = ${p.values.newText};\n${original}.${p.record.text} = ${p.values.newText};`,
							),
						},
			],
			explain: (answer) =>
				`${made} makes a shallow copy: a new ${p.kind} whose slots hold the same values as ${possessive(original)}, so the ${inner} are shared, not copied. ` +
				`${steps(p)} It prints ${answer}.`,
			trace: trace(p),
		};
	},
});

/** What each change does to the original, with this instance's names. */
function steps(p: Params): string {
	const c = p.copyName;
	if (p.kind === "array")
		return (
			`${c}[${p.mutated}].push(${p.pushed}) changes an inner array that ${p.gridName} shares, so ${p.gridName}[${p.mutated}] shows ${p.pushed} too. ` +
			`${c}[${p.replaced}] = [${p.pushed}] and ${c}.push([0]) change only ${possessive(c)} own slots, so ${p.gridName} keeps its row ${p.replaced} and its length.`
		);
	const r = p.record;
	const o = r.object;
	return (
		`${c}.${r.list}.push(${p.values.pushedItem}) changes the array that ${o}.${r.list} also holds, so ${o} sees it. ` +
		`${c}.${r.text} = ${p.values.newText} and ${c}.${r.nested} = {...} put new values into ${possessive(c)} own slots, so ${o} keeps ${p.values.text} and ${p.values.field}.`
	);
}

/** The copy, then each change in the snippet's order and what the original sees of it. */
function trace(p: Params): string[] {
	const c = p.copyName;
	const made = p.copy(p.kind === "object" ? p.record.object : p.gridName);
	if (p.kind === "array") {
		const g = p.gridName;
		const rows = p.rows.map((row, i) =>
			i === p.mutated ? [...row, p.pushed] : row,
		);
		const shown = (row: readonly number[]) => `[${row.join(", ")}]`;
		const lines = {
			outer: `${c}.push([0]): only ${c} grows, ${g}.length stays ${p.rows.length}`,
			mutate: `${c}[${p.mutated}].push(${p.pushed}): ${g}[${p.mutated}] is the same array, now ${shown(itemAt(rows, p.mutated))}`,
			replace: `${c}[${p.replaced}] = [${p.pushed}]: a new row in ${possessive(c)} slot, ${g}[${p.replaced}] stays ${shown(itemAt(p.rows, p.replaced))}`,
		};
		return [
			`${c} = ${made}: a new outer array around the same inner arrays as ${g}`,
			...p.order.map((s) => lines[s]),
			`${g} = [${rows.map(shown).join(", ")}]`,
		];
	}
	const r = p.record;
	const o = r.object;
	const v = p.values;
	const lines = {
		outer: `${c}.${r.text} = ${v.newText}: only ${c} changes, ${o}.${r.text} stays ${v.text}`,
		mutate: `${c}.${r.list}.push(${v.pushedItem}): ${o}.${r.list} is the same array, now [${v.item}, ${v.pushedItem}]`,
		replace: `${c}.${r.nested} = {…}: a new object in ${possessive(c)} slot, ${o}.${r.nested}.${r.field} stays ${v.field}`,
	};
	return [
		`${c} is a new object, but ${c}.${r.list} is ${o}.${r.list}, ${c}.${r.nested} is ${o}.${r.nested}`,
		...p.order.map((s) => lines[s]),
		`${o} = { ${r.text}: ${v.text}, ${r.list}: [${v.item}, ${v.pushedItem}], ${r.nested}: { ${r.field}: ${v.field} } }`,
	];
}

function objectProgram(p: Params, b: Belief): string {
	const r = p.record;
	const { text, newText, item, pushedItem, field, newField } = p.values;
	const o = r.object;
	const c = p.copyName;
	const made = b.alias
		? o
		: b.deep
			? `JSON.parse(JSON.stringify(${o}))`
			: p.copy(o);
	const steps = {
		outer: `${c}.${r.text} = ${newText};`,
		mutate: `${c}.${r.list}.push(${pushedItem});`,
		replace: b.writeThrough
			? `Object.assign(${c}.${r.nested}, { ${r.field}: ${newField} });`
			: `${c}.${r.nested} = { ${r.field}: ${newField} };`,
	};
	return [
		`const ${o} = { ${r.text}: ${text}, ${r.list}: [${item}], ${r.nested}: { ${r.field}: ${field} } };`,
		`const ${c} = ${made};`,
		...p.order.map((s) => steps[s]),
		`console.log(${o}.${r.text}, ${o}.${r.list}, ${o}.${r.nested}.${r.field});`,
		"",
	].join("\n");
}

function arrayProgram(p: Params, b: Belief): string {
	const c = p.copyName;
	const g = p.gridName;
	const made = b.alias ? g : b.deep ? `${g}.map((row) => [...row])` : p.copy(g);
	const fresh = `[${p.pushed}]`;
	const steps = {
		outer: `${c}.push([0]);`,
		mutate: `${c}[${p.mutated}].push(${p.pushed});`,
		replace: b.writeThrough
			? `${c}[${p.replaced}].splice(0, ${c}[${p.replaced}].length, ${p.pushed});`
			: `${c}[${p.replaced}] = ${fresh};`,
	};
	return [
		`const ${g} = [${p.rows.map((row) => `[${row.join(", ")}]`).join(", ")}];`,
		`const ${c} = ${made};`,
		...p.order.map((s) => steps[s]),
		`console.log(${g});`,
		"",
	].join("\n");
}
