import { belief } from "../belief.js";
import { defineFamily } from "../family.js";
import { allOf } from "../prose.js";

interface Theme {
	cls: string;
	/** the class attribute each object adds to through self */
	counter: string;
	/** the class's list, which each object appends its label to */
	list: string;
	labels: readonly string[];
}
const THEMES: readonly Theme[] = [
	{
		cls: "Player",
		counter: "count",
		list: "names",
		labels: ["ana", "bo", "cy", "di", "ed", "flo"],
	},
	{
		cls: "Order",
		counter: "total",
		list: "items",
		labels: ["tea", "jam", "egg", "fig", "oat", "rye"],
	},
	{
		cls: "Student",
		counter: "enrolled",
		list: "courses",
		labels: ["math", "art", "law", "bio", "music", "chem"],
	},
	{
		cls: "Ticket",
		counter: "sold",
		list: "seats",
		labels: ["A1", "B2", "C3", "D4", "E5", "F6"],
	},
];
const VARIABLES = ["a", "b", "c", "d"];

interface Params {
	theme: Theme;
	labels: string[];
	start: number;
	increment: number;
	shown: number;
}

export const classAttributes = defineFamily<Params>({
	id: "python/class-attributes",
	idea: "py.class-attributes",
	language: "python",
	difficulty: "hard",
	title: "Class attributes and instance attributes",
	topics: ["classes", "attributes", "mutability", "objects"],
	params: (rng) => {
		const theme = rng.pick(THEMES);
		const labels = rng.sample(theme.labels, rng.int(2, 4));
		return {
			theme,
			labels,
			// not 0: from 0, "each object's counter starts from 0" would print the answer
			start: rng.pick([1, 2, 3, 5, 10, 20, 100]),
			increment: rng.int(1, 3),
			shown: rng.int(0, labels.length - 1),
		};
	},
	build: ({
		theme: { cls, counter, list },
		labels,
		start,
		increment,
		shown,
	}) => {
		const variables = VARIABLES.slice(0, labels.length);
		const v = variables[shown];
		const program = (initial: number, count: string, remember: string) =>
			[
				`class ${cls}:`,
				`    ${counter} = ${initial}`,
				`    ${list} = []`,
				"",
				"    def __init__(self, label):",
				`        ${remember}`,
				`        ${count} += ${increment}`,
				"",
				...variables.map((name, i) => `${name} = ${cls}("${labels[i]}")`),
				`print(${cls}.${counter}, ${v}.${counter}, ${v}.${list})`,
				"",
			].join("\n");
		const append = `self.${list}.append(label)`;
		const mine = `self.${counter}`;
		const quoted = (items: readonly string[]) =>
			`[${items.map((l) => `'${l}'`).join(", ")}]`;
		return {
			code: program(start, mine, append),
			trace: [
				`${cls}.${counter} = ${start}, ${cls}.${list} = []`,
				...variables.map(
					(name, i) =>
						`${name} = ${cls}("${labels[i]}"): ${name}.${counter} = ${start} + ${increment} → ${start + increment}, its own; "${labels[i]}" joins the shared list`,
				),
				`${cls}.${counter} is still ${start}; ${cls}.${list} is ${quoted(labels)}`,
				`print(${cls}.${counter}, ${v}.${counter}, ${v}.${list}) → ${start} ${start + increment} ${quoted(labels)}`,
			],
			mistakes: [
				{
					misconception: belief`self.${counter} += ${increment} updates the ${counter} shared by the class`,
					code: program(start, `${cls}.${counter}`, append),
				},
				{
					misconception: belief`every ${cls} object gets its own copy of the ${list} list`,
					code: program(start, mine, `self.${list} = [label]`),
				},
				{
					misconception: belief`an attribute starts at 0 on each new object, as a field does in Java, so self.${counter} += ${increment} ignores the ${start} set on the class`,
					code: program(start, `${mine} = 0\n        ${mine}`, append),
				},
			],
			explain: (answer) =>
				`self.${counter} += ${increment} reads ${counter} through the object, finding the ${start} set on the class, and then assigns ${start + increment} to the object itself: ` +
				`that creates an instance attribute, so ${cls}.${counter} stays ${start} and ${v}.${counter} is ${start + increment}. ` +
				`self.${list}.append(label) assigns nothing: it finds the one list on the class and changes it, so every ${cls} sees ${allOf(labels, "label")}. It prints ${answer}.`,
		};
	},
});
