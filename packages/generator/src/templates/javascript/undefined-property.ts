import { oneLine } from "../../sandbox/outcome-option.js";
import { belief } from "../belief.js";
import { defineFamily, type Mistake } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed, withArticle } from "../prose.js";

/** Records that each hold a nested object, and the field read from it. */
const THEMES = [
	{
		list: "users",
		item: "user",
		nested: "address",
		field: "city",
		values: ["Oslo", "Rome", "Lima", "Kyiv", "Bonn", "Nice"],
	},
	{
		list: "orders",
		item: "order",
		nested: "customer",
		field: "name",
		values: ["Ann", "Bob", "Cy", "Dee", "Eve", "Fay"],
	},
	{
		list: "books",
		item: "book",
		nested: "author",
		field: "last",
		values: ["Woolf", "Eco", "Roth", "Sand", "Mann", "Ende"],
	},
	{
		list: "pets",
		item: "pet",
		nested: "owner",
		field: "email",
		values: ["a@x.io", "b@x.io", "c@x.io", "d@x.io", "e@x.io"],
	},
	{
		list: "jobs",
		item: "job",
		nested: "config",
		field: "region",
		values: ["eu", "us", "ap", "sa", "af"],
	},
] as const;
const IDS = ["id", "key", "code"] as const;

interface Params {
	theme: (typeof THEMES)[number];
	id: (typeof IDS)[number];
	/** the records' ids and nested values, in order; null where the nested object is absent */
	records: { id: number; value: string | null }[];
	/** how the absent nested object is written: left out, or set to null */
	absent: "missing" | "null";
	/** `plain`: item.nested.field; `optional`: item.nested?.field */
	read: "plain" | "optional";
}

export const undefinedProperty = defineFamily<Params>({
	id: "javascript/undefined-property",
	idea: "js.missing-properties",
	language: "javascript",
	difficulty: "easy",
	kind: "error",
	title: "Reading a property of undefined",
	topics: [
		"typeerror",
		"undefined",
		"null",
		"optional chaining",
		"exceptions",
		"objects",
	],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		const size = rng.int(3, 4);
		const values = rng.sample(theme.values, size);
		// neither first nor last: something prints before it, and something after it could
		const hole = rng.int(1, size - 2);
		const first = rng.int(1, 20);
		return {
			theme,
			id: rng.pick(IDS),
			records: values.map((value, i) => ({
				id: first + i * rng.int(1, 3),
				value: i === hole ? null : value,
			})),
			absent: rng.pick(["missing", "null"] as const),
			read: rng.pick(["plain", "plain", "optional"] as const),
		};
	},
	build: ({ theme, id, records, absent, read }) => {
		const { list, item, nested, field } = theme;
		const literal = records
			.map((r) => {
				const inner =
					r.value !== null
						? `, ${nested}: { ${field}: "${r.value}" }`
						: absent === "null"
							? `, ${nested}: null`
							: "";
				return `  { ${id}: ${r.id}${inner} },`;
			})
			.join("\n");
		const plain = `${item}.${nested}.${field}`;
		const optional = `${item}.${nested}?.${field}`;
		const program = (value: string, guard = "", before = "") =>
			`const ${list} = [\n${literal}\n];\n${before}` +
			`for (const ${item} of ${list}) {\n${guard}  console.log(${item}.${id}, ${value});\n}\nconsole.log("done");\n`;
		const hole = records.findIndex((r) => r.value === null);
		const holeId = itemAt(records, hole).id;
		const printed = records.slice(0, hole).map((r) => `${r.id} ${r.value}`);
		const shown = absent === "null" ? "null" : "undefined";
		const skip = `  if (!${item}.${nested}) continue;\n`;
		const mistakes: Mistake[] =
			read === "plain"
				? [
						{
							misconception: belief`reading a property of ${shown} gives undefined, as reading a missing property does`,
							code: program(optional),
						},
						{
							misconception: belief`the loop skips the ${item} whose ${nested} is ${shown} and carries on`,
							code: program(plain, skip),
						},
						{
							misconception: belief`${withArticle(nested)} that is ${shown} ends the loop quietly, and the script goes on to print "done"`,
							code: program(plain, `  if (!${item}.${nested}) break;\n`),
						},
						{
							misconception: belief`${item}.${nested} is not defined for ${item} ${holeId}, so the error is a ReferenceError`,
							code: program(
								`(${item}.${nested} ?? ${nested}NotDefined).${field}`,
							),
						},
					]
				: [
						{
							misconception: belief`?. only guards ${item}, so reading ${field} from ${withArticle(nested)} that is ${shown} still throws`,
							code: program(plain),
						},
						{
							misconception: belief`optional chaining skips the ${item} whose ${nested} is ${shown}`,
							code: program(optional, skip),
						},
						{
							misconception: belief`optional chaining gives null when the ${nested} is missing`,
							code: program(`${optional} ?? null`),
						},
					];
		return {
			code: program(read === "plain" ? plain : optional),
			mistakes,
			explain: (answer) =>
				read === "plain"
					? `Reading a missing property gives undefined, but reading a property of undefined or null throws a TypeError. ` +
						`${printed.length === 1 ? "The first record prints" : `The first ${printed.length} records print`} ${listed(printed.map((p) => `“${p}”`))}; ` +
						`then ${item} ${holeId} has ${absent === "null" ? `${nested}: null` : `no ${nested}`}, so ${item}.${nested} is ${shown} and ${plain} throws. ` +
						`Nothing catches it, so the script stops there and "done" is never printed; ${optional} would give undefined instead. ` +
						`What happens: “${oneLine(answer)}”.`
					: `${optional} stops at ${withArticle(nested)} that is undefined or null and gives undefined instead of throwing, ` +
						`so ${item} ${holeId} prints undefined and the loop runs to the end and prints "done". ` +
						`Written as ${plain}, without optional chaining, it would throw a TypeError. ` +
						`What happens: “${oneLine(answer)}”.`,
		};
	},
});
