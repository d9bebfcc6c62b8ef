import type { Difficulty } from "@app/contract";
import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { BLANK, defineFamily, type FillIn } from "../family.js";
import { itemAt } from "../item-at.js";
import { counted, listed } from "../prose.js";

/** easy: a template literal with two values */
interface TemplateParams {
	shape: "template";
	first: { name: string; value: string | number };
	second: { name: string; value: string | number };
	joiner: string;
}

/** easy: a number padded to a width */
interface PadParams {
	shape: "pad";
	name: string;
	value: number;
	width: number;
	fill: string;
}

/** medium: the part of a file name after (or before) the last dot */
interface FileParams {
	shape: "file";
	name: string;
	file: string;
	part: "extension" | "base";
}

/** medium: words split on one separator and joined with another */
interface RejoinParams {
	shape: "rejoin";
	name: string;
	words: string[];
	from: string;
	to: string;
}

/** medium: a bar of repeated characters per entry */
interface BarsParams {
	shape: "bars";
	name: string;
	entries: [string, number][];
	mark: string;
}

/** hard: label and value lined up with padEnd */
interface TableParams {
	shape: "table";
	name: string;
	rows: [string, number][];
	width: number;
}

/** hard: all but the last few characters masked */
interface MaskParams {
	shape: "mask";
	name: string;
	secret: string;
	keep: number;
	mark: string;
}

type Params =
	| TemplateParams
	| PadParams
	| FileParams
	| RejoinParams
	| BarsParams
	| TableParams
	| MaskParams;

interface Slot {
	name: string;
	values: readonly (string | number)[];
}

/** Two named values and the text the template puts between them. */
const PAIRS: readonly (readonly [Slot, Slot, string])[] = [
	[
		{ name: "qty", values: [2, 3, 4, 5, 6, 7] },
		{ name: "fruit", values: ["fig", "kiwi", "pear", "plum", "lime"] },
		" x ",
	],
	[
		{ name: "city", values: ["Oslo", "Lima", "Pune", "Kyiv", "Rome"] },
		{ name: "temp", values: [12, 18, 21, 25, 30] },
		": ",
	],
	[
		{ name: "user", values: ["ada", "bo", "cy", "dee", "eli"] },
		{ name: "score", values: [40, 55, 72, 88, 95] },
		" scored ",
	],
	[
		{ name: "count", values: [2, 3, 4, 5, 9] },
		{ name: "unit", values: ["cups", "days", "laps", "pages"] },
		" more ",
	],
	[
		{ name: "level", values: [2, 3, 4, 5] },
		{ name: "hero", values: ["Zed", "Ivy", "Max", "Kai"] },
		" - ",
	],
];

const PAD_NAMES = ["id", "code", "seat", "ticket", "room", "order"];
const FILES = {
	name: ["file", "path", "upload", "doc"],
	stems: ["report", "photo", "notes", "draft", "backup", "invoice"],
	middles: ["final", "v2", "old", "copy", "2024"],
	extensions: ["pdf", "png", "txt", "json", "csv", "md"],
};
const WORD_SETS = [
	["red", "green", "blue", "gold"],
	["north", "east", "south", "west"],
	["one", "two", "three", "four"],
	["tea", "jam", "bread", "eggs"],
	["ant", "bee", "cat", "dog"],
];
const SEPARATORS = [" ", ",", "/", ";", "_"];
const JOINERS = ["-", " | ", ".", " + ", "::"];
const BAR_SETS = [
	{ name: "votes", keys: ["yes", "no", "maybe"] },
	{ name: "sales", keys: ["mon", "tue", "wed", "thu"] },
	{ name: "stars", keys: ["ana", "ben", "cal"] },
	{ name: "goals", keys: ["red", "blue", "green"] },
];
const TABLE_SETS = [
	{ name: "prices", labels: ["tea", "coffee", "juice", "milk", "soda"] },
	{ name: "stock", labels: ["pens", "clips", "tape", "glue", "ink"] },
	{ name: "scores", labels: ["ada", "bob", "cleo", "dan", "eve"] },
];
const SECRETS = [
	{ name: "card", digits: 16 },
	{ name: "phone", digits: 10 },
	{ name: "account", digits: 12 },
	{ name: "pin", digits: 8 },
];

const digitString = (rng: Rng, length: number) =>
	Array.from({ length }, (_, i) => rng.int(i === 0 ? 1 : 0, 9)).join("");

function draw(rng: Rng, difficulty: Difficulty): Params {
	const shapes = {
		easy: ["template", "pad"],
		medium: ["file", "rejoin", "bars"],
		hard: ["table", "mask", "file"],
	} as const;
	const shape = rng.pick(shapes[difficulty]);
	switch (shape) {
		case "template": {
			const [a, b, joiner] = rng.pick(PAIRS);
			return {
				shape,
				first: { name: a.name, value: rng.pick(a.values) },
				second: { name: b.name, value: rng.pick(b.values) },
				joiner,
			};
		}
		case "pad": {
			const value = rng.int(1, 999);
			return {
				shape,
				name: rng.pick(PAD_NAMES),
				value,
				width: String(value).length + rng.int(2, 4),
				fill: rng.pick(["0", "0", "*", "."]),
			};
		}
		case "file": {
			const stem = rng.pick(FILES.stems);
			const middle = rng.pick(FILES.middles);
			return {
				shape,
				name: rng.pick(FILES.name),
				file: `${stem}.${middle}.${rng.pick(FILES.extensions)}`,
				part:
					difficulty === "hard"
						? "base"
						: rng.pick(["extension", "extension", "base"] as const),
			};
		}
		case "rejoin": {
			const from = rng.pick(SEPARATORS);
			return {
				shape,
				name: rng.pick(["text", "line", "list", "input"]),
				words: rng.sample(rng.pick(WORD_SETS), rng.int(3, 4)),
				from,
				to: rng.pick(JOINERS),
			};
		}
		case "bars": {
			const set = rng.pick(BAR_SETS);
			const keys = rng.sample(set.keys, 3);
			const counts = rng.sample([1, 2, 3, 4, 5, 6], 3);
			return {
				shape,
				name: set.name,
				entries: keys.map((k, i) => [k, itemAt(counts, i)]),
				mark: rng.pick(["#", "*", "="]),
			};
		}
		case "table": {
			const set = rng.pick(TABLE_SETS);
			const labels = rng.sample(set.labels, rng.int(2, 3));
			const longest = Math.max(...labels.map((l) => l.length));
			return {
				shape,
				name: set.name,
				rows: labels.map((l) => [l, rng.int(1, 99)]),
				width: longest + rng.int(2, 4),
			};
		}
		case "mask": {
			const secret = rng.pick(SECRETS);
			return {
				shape,
				name: secret.name,
				secret: digitString(rng, secret.digits),
				keep: rng.int(2, 4),
				mark: rng.pick(["*", "#", "x"]),
			};
		}
	}
}

const literal = (value: string | number) =>
	typeof value === "string" ? JSON.stringify(value) : String(value);

function buildTemplate(p: TemplateParams): FillIn {
	const a = p.first.name;
	const b = p.second.name;
	const j = p.joiner;
	return {
		code: [
			`const ${a} = ${literal(p.first.value)};`,
			`const ${b} = ${literal(p.second.value)};`,
			`console.log(${BLANK});`,
			"",
		].join("\n"),
		answer: `\`\${${a}}${j}\${${b}}\``,
		wrong: [
			{
				option: `"\${${a}}${j}\${${b}}"`,
				misconception: belief`double quotes fill in \${…} placeholders too`,
			},
			{
				option: `\`{${a}}${j}{${b}}\``,
				misconception: belief`braces alone mark a value to insert in a template literal, as in a Python f-string`,
			},
			{
				option: `"{${a}}${j}{${b}}"`,
				misconception: belief`braces in a string insert the values they name`,
			},
			{
				option: `'\${${a}}${j}\${${b}}'`,
				misconception: belief`single quotes fill in \${…} placeholders too`,
			},
			{
				option: `\`\${"${a}"}${j}\${"${b}"}\``,
				misconception: belief`a name in quotes inside \${…} is read as a variable`,
			},
			{
				option: `${a} + "${j.trim() || j}" + ${b}`,
				misconception: belief`+ puts spaces between the strings it joins`,
			},
		],
		explain: (output) =>
			`Only a template literal, written between backticks, fills in \${…}: each placeholder is replaced by the value of the expression inside it, ${literal(p.first.value)} and ${literal(p.second.value)}, and the text between them is kept as it is. So it prints ${output}.`,
	};
}

function buildPad(p: PadParams): FillIn {
	const s = `String(${p.name})`;
	const f = JSON.stringify(p.fill);
	const digits = String(p.value).length;
	return {
		code: `const ${p.name} = ${p.value};\nconsole.log(${BLANK});\n`,
		answer: `${s}.padStart(${p.width}, ${f})`,
		wrong: [
			{
				option: `${s}.padEnd(${p.width}, ${f})`,
				misconception: belief`padEnd adds the padding in front of the text`,
			},
			{
				option: `${s}.padStart(${p.width - digits}, ${f})`,
				misconception: belief`the number given to padStart is how many ${f} to add`,
			},
			{
				option: `${f}.repeat(${p.width}) + ${p.name}`,
				misconception: belief`repeat(${p.width}) adds ${f} only until the text is ${p.width} long`,
			},
			{
				option: `${p.name}.padStart(${p.width}, ${f})`,
				misconception: belief`numbers have a padStart method too`,
			},
			{
				option: `${s}.padEnd(${p.width - digits}, ${f})`,
				misconception: belief`padEnd puts the given number of ${f} in front`,
			},
			{
				option: `${s}.padStart(${p.width} + ${digits}, ${f})`,
				misconception: belief`the width given to padStart leaves out the digits already there`,
			},
		],
		explain: (output) =>
			`padStart(${p.width}, ${f}) adds ${f} at the start until the string is ${p.width} characters long: "${p.value}" has ${counted(digits, "digit")}, so it gains ${p.width - digits}. ` +
			`It is a string method, so the number is turned into a string first. So it prints ${output}.`,
	};
}

function buildFile(p: FileParams): FillIn {
	const n = p.name;
	const last = `${n}.lastIndexOf(".")`;
	const first = `${n}.indexOf(".")`;
	const dot = p.file.lastIndexOf(".");
	const code = `const ${n} = "${p.file}";\nconsole.log(${BLANK});\n`;
	if (p.part === "extension")
		return {
			code,
			answer: `${n}.slice(${last} + 1)`,
			wrong: [
				{
					option: `${n}.slice(${first} + 1)`,
					misconception: belief`indexOf finds the last match`,
				},
				{
					option: `${n}.slice(${last})`,
					misconception: belief`slice starts after the index it is given`,
				},
				{
					option: `${n}.slice(${first})`,
					misconception: belief`indexOf(".") gives the position just after the last dot`,
				},
				{
					option: `${n}.split(".")[1]`,
					misconception: belief`the part after the first dot is the extension`,
				},
				{
					option: `${n}.substring(-3)`,
					misconception: belief`substring counts a negative index from the end`,
				},
				{
					option: `${n}.slice(${last} + 1, -1)`,
					misconception: belief`slice needs -1 as its end to reach the last character`,
				},
			],
			explain: (output) =>
				`lastIndexOf(".") finds the last dot, at index ${dot}, and slice(${dot + 1}) takes everything after it to the end. ` +
				`So it prints ${output}; indexOf would find the first dot instead.`,
		};
	return {
		code,
		answer: `${n}.slice(0, ${last})`,
		wrong: [
			{
				option: `${n}.slice(0, ${first})`,
				misconception: belief`indexOf finds the last match`,
			},
			{
				option: `${n}.slice(0, ${last} + 1)`,
				misconception: belief`the end index of slice is left out, so 1 must be added`,
			},
			{
				option: `${n}.split(".")[0]`,
				misconception: belief`the part before the first dot is the whole name`,
			},
			{
				option: `${n}.slice(${last}, 0)`,
				misconception: belief`slice swaps its arguments when the start is larger`,
			},
			{
				option: `${n}.substring(0, -4)`,
				misconception: belief`substring counts a negative index from the end`,
			},
			{
				option: `${n}.slice(0, ${first} + 1)`,
				misconception: belief`indexOf(".") + 1 is where the last dot is`,
			},
		],
		explain: (output) =>
			`lastIndexOf(".") finds the last dot, at index ${dot}, and slice(0, ${dot}) takes the characters from 0 up to, but not including, that dot. ` +
			`So it prints ${output}; indexOf would stop at the first dot instead.`,
	};
}

function buildRejoin(p: RejoinParams): FillIn {
	const n = p.name;
	const from = JSON.stringify(p.from);
	const to = JSON.stringify(p.to);
	const text = p.words.join(p.from);
	return {
		code: `const ${n} = "${text}";\nconsole.log(${BLANK});\n`,
		answer: `${n}.split(${from}).join(${to})`,
		wrong: [
			{
				option: `${n}.split("").join(${to})`,
				misconception: belief`split with an empty string splits between words`,
			},
			{
				option: `${n}.split().join(${to})`,
				misconception: belief`split with no argument splits at the separators in the text`,
			},
			{
				option: `${n}.split(${from}).join()`,
				misconception: belief`join with no argument joins with ${to}`,
			},
			{
				option: `${n}.split(${from}, ${to}).join()`,
				misconception: belief`split takes the new separator as its second argument`,
			},
			{
				option: `${n}.replace(${from}, ${to})`,
				misconception: belief`replace with a string changes every match`,
			},
			{
				option: `${n}.split(${to}).join(${from})`,
				misconception: belief`split takes the separator to put in and join the one to take out`,
			},
		],
		explain: (output) =>
			`split(${from}) cuts the string at each ${from} into an array of ${counted(p.words, "word")}, and join(${to}) puts them back together with ${to} between them. So it prints ${output}.`,
	};
}

function buildBars(p: BarsParams): FillIn {
	const m = JSON.stringify(p.mark);
	const data = p.entries.map(([k, v]) => `${k}: ${v}`).join(", ");
	return {
		code: [
			`const ${p.name} = { ${data} };`,
			`for (const [key, n] of Object.entries(${p.name})) {`,
			`\tconsole.log(${BLANK});`,
			"}",
			"",
		].join("\n"),
		answer: `key + " " + ${m}.repeat(n)`,
		wrong: [
			{
				option: `key + " " + ${m} * n`,
				misconception: belief`* repeats a string, as in Python`,
			},
			{
				option: `key + " " + n.repeat(${m})`,
				misconception: belief`repeat is called on the count and given the text`,
			},
			{
				option: `key + " " + ${m}.padStart(n)`,
				misconception: belief`padStart(n) repeats ${m} n times`,
			},
			{
				option: `key + " " + ${m} + n`,
				misconception: belief`adding n to ${m} repeats it n times`,
			},
			{
				option: `key + " " + ${m}.repeat(n - 1)`,
				misconception: belief`repeat(n) adds n copies to the ${m} it starts with`,
			},
		],
		explain: (output) =>
			`Object.entries gives each key with its number, and ${m}.repeat(n) builds a string of n copies of ${m}. So each line is the key, a space and the bar: ${output.split("\n").join(" / ")}.`,
	};
}

function buildTable(p: TableParams): FillIn {
	const w = p.width;
	const data = p.rows.map(([k, v]) => `["${k}", ${v}]`).join(", ");
	return {
		code: [
			`const ${p.name} = [${data}];`,
			`for (const [label, n] of ${p.name}) {`,
			`\tconsole.log(${BLANK});`,
			"}",
			"",
		].join("\n"),
		answer: `label.padEnd(${w}, ".") + n`,
		wrong: [
			{
				option: `label.padStart(${w}, ".") + n`,
				misconception: belief`padStart adds the padding after the text`,
			},
			{
				option: `label + ".".repeat(${w}) + n`,
				misconception: belief`repeat(${w}) stops once the line is ${w} characters long`,
			},
			{
				option: `label.padEnd(${w}) + n`,
				misconception: belief`padEnd pads with dots when no filler is given`,
			},
			{
				option: `label.padStart(${w}) + n`,
				misconception: belief`padStart adds spaces after the text`,
			},
			{
				option: `(label + n).padEnd(${w}, ".")`,
				misconception: belief`padEnd puts the padding between the two parts it was given`,
			},
			{
				option: `label.padEnd(${w} - label.length, ".") + n`,
				misconception: belief`the number given to padEnd is how many dots to add`,
			},
		],
		explain: (output) =>
			`padEnd(${w}, ".") adds dots after each label until it is ${w} characters long, so every number starts in the same column; then n is added on the end. ` +
			`It prints ${listed(output.split("\n"))}.`,
	};
}

function buildMask(p: MaskParams): FillIn {
	const n = p.name;
	const k = p.keep;
	const m = JSON.stringify(p.mark);
	const len = p.secret.length;
	return {
		code: `const ${n} = "${p.secret}";\nconsole.log(${BLANK});\n`,
		answer: `${n}.slice(-${k}).padStart(${n}.length, ${m})`,
		wrong: [
			{
				option: `${n}.slice(0, ${k}).padStart(${n}.length, ${m})`,
				misconception: belief`slice(0, ${k}) takes the last ${k} characters`,
			},
			{
				option: `${n}.slice(-${k}).padEnd(${n}.length, ${m})`,
				misconception: belief`padEnd puts the padding in front`,
			},
			{
				option: `${n}.substring(-${k}).padStart(${n}.length, ${m})`,
				misconception: belief`substring counts a negative index from the end`,
			},
			{
				option: `${n}.slice(-${k}).padStart(${len - k}, ${m})`,
				misconception: belief`the number given to padStart is how many ${m} to add`,
			},
			{
				option: `${m}.repeat(${n}.length) + ${n}.slice(-${k})`,
				misconception: belief`repeat(${n}.length) leaves room for the digits that follow`,
			},
			{
				option: `${n}.slice(${k}).padStart(${n}.length, ${m})`,
				misconception: belief`slice(${k}) keeps the last ${k} characters`,
			},
		],
		explain: (output) =>
			`slice(-${k}) takes the last ${k} characters, "${p.secret.slice(-k)}", and padStart(${n}.length, ${m}) puts ${m} in front until the string is as long as ${n} again, ${len} characters. So it prints ${output}.`,
	};
}

export const stringBuilding = defineFamily<Params>({
	id: "javascript/string-building",
	idea: "js.string-building",
	language: "javascript",
	kind: "fill-in",
	difficulty: ["easy", "medium", "hard"],
	title: "Building strings",
	topics: [
		"strings",
		"template literals",
		"padding",
		"padstart",
		"slice",
		"split",
		"join",
		"repeat",
		"string methods",
	],
	params: draw,
	build: (p) => {
		switch (p.shape) {
			case "template":
				return buildTemplate(p);
			case "pad":
				return buildPad(p);
			case "file":
				return buildFile(p);
			case "rejoin":
				return buildRejoin(p);
			case "bars":
				return buildBars(p);
			case "table":
				return buildTable(p);
			case "mask":
				return buildMask(p);
		}
	},
});
