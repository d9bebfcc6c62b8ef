import type { Difficulty } from "@app/contract";
import type { Rng } from "../../rng.js";
import { belief, keyed } from "../belief.js";
import { defineFamily, type FixTheBug } from "../family.js";
import { fixFromLines, jsLiteral, type LinesFix } from "../fix-draft.js";
import { withArticle } from "../prose.js";

type Variant =
	| "counter"
	| "dotKey"
	| "keyCount"
	| "truthyLookup"
	| "mapRead"
	| "mapHas"
	| "mapCounter"
	| "defaults"
	| "firstUnique";

const VARIANTS: Record<Difficulty, readonly Variant[]> = {
	easy: ["counter", "dotKey", "keyCount"],
	medium: ["truthyLookup", "mapRead", "mapHas"],
	hard: ["mapCounter", "defaults", "firstUnique"],
};

/** What a counter counts: a list of strings, or the letters of one string. */
const SUBJECTS = [
	{ list: "words", item: "word", w: "w", letters: false },
	{ list: "tags", item: "tag", w: "tag", letters: false },
	{ list: "votes", item: "vote", w: "vote", letters: false },
	{ list: "colors", item: "color", w: "color", letters: false },
	{ list: "names", item: "name", w: "name", letters: false },
	{ list: "text", item: "letter", w: "ch", letters: true },
	{ list: "word", item: "letter", w: "c", letters: true },
] as const;
type Subject = (typeof SUBJECTS)[number];

/** Strings to count: short, and never the name of an Object.prototype property. */
const THEMES = [
	["fig", "kiwi", "lime", "pear", "plum", "date"],
	["red", "blue", "teal", "gold", "pink", "gray"],
	["cat", "dog", "owl", "fox", "yak", "emu"],
	["oak", "elm", "ash", "fir", "yew", "pine"],
	["jazz", "folk", "rock", "soul", "funk", "pop"],
];
/** Letters to count, without c: a counter named c would read counts.c as a real key. */
const LETTERS = "abdeghiklmnoprstuy".split("");

const COUNTS = ["counts", "freq", "seen", "hits"];
const TOTALS = ["total", "sum", "cost"];
const OUTS = ["out", "result", "found"];

/** Things priced, stocked or scored by name. */
const CATALOGS = [
	{ map: "prices", list: "order", item: "item", names: THEMES[0] ?? [] },
	{
		map: "menu",
		list: "dishes",
		item: "dish",
		names: ["soup", "rice", "tea", "pie", "cake", "stew"],
	},
	{
		map: "fares",
		list: "trips",
		item: "stop",
		names: ["york", "bath", "ely", "hull", "rye", "wells"],
	},
	{
		map: "costs",
		list: "parts",
		item: "part",
		names: ["bolt", "nut", "gear", "cog", "pin", "axle"],
	},
] as const;
type Catalog = (typeof CATALOGS)[number];

const STOCKS = [
	{ stock: "stock", list: "items", item: "item" },
	{ stock: "shelf", list: "books", item: "title" },
	{ stock: "pantry", list: "wanted", item: "food" },
	{ stock: "garage", list: "tools", item: "tool" },
] as const;
type Stock = (typeof STOCKS)[number];

const SCORES = [
	{ obj: "scores", key: "name", noun: "player" },
	{ obj: "ratings", key: "film", noun: "film" },
	{ obj: "grades", key: "pupil", noun: "pupil" },
	{ obj: "times", key: "runner", noun: "runner" },
] as const;
type Scores = (typeof SCORES)[number];

/** Settings with their defaults: every default is truthy, so || never skips one. */
const SETTINGS = [
	{ key: "volume", value: 5, falsy: 0, other: 9 },
	{ key: "theme", value: "dark", falsy: "", other: "light" },
	{ key: "lang", value: "en", falsy: "", other: "fr" },
	{ key: "retries", value: 3, falsy: 0, other: 1 },
	{ key: "sound", value: true, falsy: false, other: true },
	{ key: "zoom", value: 100, falsy: 0, other: 150 },
	{ key: "title", value: "home", falsy: "", other: "news" },
] as const;
const OPTION_NAMES = [
	["options", "defaults"],
	["opts", "base"],
	["given", "fallback"],
	["user", "preset"],
] as const;

interface Params {
	variant: Variant;
	fn: string;
	subject: Subject;
	catalog: Catalog;
	stock: Stock;
	scores: Scores;
	counts: string;
	total: string;
	out: string;
	optionNames: readonly [string, string];
	/** a loop body on the loop's own line, not in a block */
	inline: boolean;
	/** the example calls' arguments, as source */
	examples: string[];
}

const FN_NAMES: Record<Variant, readonly string[]> = {
	counter: ["countEach", "tally", "frequencies", "countAll"],
	dotKey: ["orderTotal", "totalCost", "billFor", "sumPrices"],
	keyCount: ["average", "meanScore", "averageOf", "mean"],
	truthyLookup: ["stockOf", "amountsOf", "lookUp", "onHand"],
	mapRead: ["orderTotal", "totalCost", "billFor", "sumPrices"],
	mapHas: ["known", "listed", "priced", "onMenu"],
	mapCounter: ["countEach", "tally", "frequencies", "countAll"],
	defaults: ["settings", "withDefaults", "merged", "resolve"],
	firstUnique: ["firstUnique", "firstSingle", "loneOne", "firstOnce"],
};

const showMap = (entries: [string, number][]) =>
	`new Map(${jsLiteral(entries)})`;

/** Three distinct things to count: words of one theme, or letters. */
const drawUnits = (rng: Rng, subject: Subject) =>
	rng.sample(subject.letters ? LETTERS : rng.pick(THEMES), 4);

/** A list of the subject's units, or the string they spell. */
const asArgument = (subject: Subject, units: string[]) =>
	jsLiteral(subject.letters ? units.join("") : units);

function drawExamples(rng: Rng, p: Omit<Params, "examples">): string[] {
	switch (p.variant) {
		case "counter":
		case "mapCounter": {
			const [a = "", b = "", c = "", d = ""] = drawUnits(rng, p.subject);
			// a appears three times: has() + 1 stops at 2
			const repeated = rng.shuffle([a, b, a, c]).concat(a);
			const second = rng.bool() ? [d, b] : [d, d, c];
			const empty = p.subject.letters ? '""' : "[]";
			return [
				asArgument(p.subject, repeated),
				asArgument(p.subject, second),
				empty,
			].slice(0, rng.int(2, 3));
		}
		case "firstUnique": {
			const [a = "", b = "", c = "", d = ""] = drawUnits(rng, p.subject);
			// the first unit repeats, so "any count" would return it
			const first = rng.bool() ? [a, b, a, c, b] : [a, a, b, c];
			const none = [d, c, d, c];
			const lone = [d];
			return rng
				.shuffle([none, lone])
				.slice(0, rng.int(1, 2))
				.concat([first])
				.reverse()
				.map((units) => asArgument(p.subject, units));
		}
		case "dotKey":
		case "mapRead": {
			const names = rng.sample(p.catalog.names, 3);
			const entries = names.map(
				(name) => [name, rng.int(2, 12)] as [string, number],
			);
			const table =
				p.variant === "mapRead"
					? showMap(entries)
					: jsLiteral(Object.fromEntries(entries));
			const [a = "", b = "", c = ""] = names;
			return [
				`${table}, ${jsLiteral(rng.shuffle([a, b, c]).slice(0, rng.int(2, 3)))}`,
				`${table}, ${jsLiteral([rng.pick(names), a])}`,
				`${table}, []`,
			].slice(0, rng.int(2, 3));
		}
		case "mapHas": {
			const names = rng.sample(p.catalog.names, 5);
			const [a = "", b = "", c = "", d = "", e = ""] = names;
			// one item is free: a price of 0 is still a price
			const table = showMap(
				rng.shuffle([
					[a, 0],
					[b, rng.int(2, 9)],
					[c, rng.int(2, 9)],
				]) as [string, number][],
			);
			return [
				`${table}, ${jsLiteral(rng.shuffle([a, b, d]))}`,
				`${table}, ${jsLiteral(rng.shuffle([c, e]))}`,
			];
		}
		case "keyCount": {
			const names = rng.sample(
				["ana", "ben", "cy", "dee", "eve", "finn", "gus", "ida"],
				4,
			);
			const scores = (n: number) =>
				Object.fromEntries(
					names.slice(0, n).map((name) => [name, rng.int(1, 20)]),
				);
			return [
				jsLiteral(scores(rng.int(2, 4))),
				jsLiteral(scores(rng.int(2, 3))),
			].slice(0, rng.int(1, 2));
		}
		case "truthyLookup": {
			const names = rng.sample(
				[
					"rope",
					"tent",
					"lamp",
					"rug",
					"axe",
					"mug",
					"flask",
					"torch",
					"stove",
				],
				4,
			);
			const [a = "", b = "", c = "", d = ""] = names;
			const stock = jsLiteral(
				Object.fromEntries(
					rng.shuffle([
						[a, 0],
						[b, rng.int(1, 9)],
						[c, rng.int(1, 9)],
					]),
				),
			);
			return [
				`${stock}, ${jsLiteral(rng.shuffle([a, b, d]))}`,
				`${stock}, ${jsLiteral(rng.shuffle([c, d]))}`,
			];
		}
		case "defaults": {
			const [s1, s2, s3] = rng.sample(SETTINGS, 3) as [
				(typeof SETTINGS)[number],
				(typeof SETTINGS)[number],
				(typeof SETTINGS)[number],
			];
			const base = jsLiteral({
				[s1.key]: s1.value,
				[s2.key]: s2.value,
				[s3.key]: s3.value,
			});
			// a falsy setting, a null one (?? would skip it) and a plain override
			const withFalsy = jsLiteral({ [s1.key]: s1.falsy });
			const withNull = jsLiteral(
				rng.bool()
					? { [s2.key]: null, [s3.key]: s3.other }
					: { [s3.key]: s3.other, [s2.key]: null },
			);
			return rng.shuffle([`${withFalsy}, ${base}`, `${withNull}, ${base}`]);
		}
	}
}

function draw(rng: Rng, difficulty: Difficulty): Params {
	const variant = rng.pick(VARIANTS[difficulty]);
	const base = {
		variant,
		fn: rng.pick(FN_NAMES[variant]),
		subject: rng.pick(SUBJECTS),
		catalog: rng.pick(CATALOGS),
		stock: rng.pick(STOCKS),
		scores: rng.pick(SCORES),
		counts: rng.pick(COUNTS),
		total: rng.pick(TOTALS),
		out: rng.pick(OUTS),
		optionNames: rng.pick(OPTION_NAMES),
		inline: INLINE.has(variant) && rng.bool(),
	};
	return { ...base, examples: drawExamples(rng, base) };
}

type Built = LinesFix;

/** "each of the words" or "each letter of text". */
const eachOf = (s: Subject) =>
	s.letters ? `each letter of ${s.list}` : `each of the ${s.list}`;

function buildCounter(p: Params): Built {
	const s = p.subject;
	const { w, list } = s;
	const c = p.counts;
	const body = (text: string) => `\t\t${text}`;
	return {
		lines: [
			`// Returns how many times ${eachOf(s)} appears, as an object.`,
			`function ${p.fn}(${list}) {`,
			`\tconst ${c} = {};`,
			`\tfor (const ${w} of ${list}) {`,
			body(`${c}[${w}] += 1;`),
			"\t}",
			`\treturn ${c};`,
			"}",
		],
		fix: [5, body(`${c}[${w}] = (${c}[${w}] || 0) + 1;`)],
		wrong: [
			[
				5,
				body(`${c}[${w}]++;`),
				belief`++ treats a missing count as 0 before adding one`,
			],
			[
				5,
				body(`${c}[${w}] = ${c}[${w}] + 1 || 0;`),
				belief`an || 0 after the sum stands in for a count that is missing`,
			],
			[
				5,
				body(`${c}[${w}] = (${c}.${w} || 0) + 1;`),
				belief`${c}.${w} reads the count of the ${s.item} held in ${w}`,
			],
			[
				3,
				`\tconst ${c} = [];`,
				belief`an array, unlike an object, starts each new entry at 0`,
			],
			[
				5,
				body(`if (${c}[${w}]) ${c}[${w}] += 1;`),
				belief`skipping the missing counts stops the NaN without losing ${withArticle(s.item)}`,
			],
			[
				4,
				`\tfor (const ${w} in ${list}) {`,
				belief`for...in hands over the ${s.letters ? "letters" : list} themselves, and for...of does not`,
			],
		],
		reference: `function ${p.fn}(${list}) {\n\treturn [...${list}].reduce((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});\n}`,
		explain: (f) =>
			`The first time ${withArticle(s.item)} comes up, ${c}[${w}] is undefined, and undefined + 1 is NaN, which JSON shows as null: ${f.call} returns ${f.actual}. ` +
			`(${c}[${w}] || 0) starts a new count at 0, so ${f.call} returns ${f.expected}.`,
	};
}

function buildDotKey(p: Params): Built {
	const { map, list, item } = p.catalog;
	const t = p.total;
	const body = (text: string) => `\t\t${t} += ${text};`;
	return {
		lines: [
			`// Returns the total price of the ${list}, each looked up in ${map}.`,
			`function ${p.fn}(${map}, ${list}) {`,
			`\tlet ${t} = 0;`,
			`\tfor (const ${item} of ${list}) {`,
			body(`${map}.${item}`),
			"\t}",
			`\treturn ${t};`,
			"}",
		],
		fix: [5, body(`${map}[${item}]`)],
		wrong: [
			[
				5,
				body(`${map}["${item}"]`),
				belief`quotes in the brackets make ${map} read the key held in ${item}`,
			],
			[
				5,
				body(`${map}.${item} || 0`),
				belief`the NaN comes from a price ${map} lacks, and || 0 covers it`,
			],
			[
				5,
				body(`${map}.get(${item})`),
				belief`an object, like a Map, looks its keys up with get`,
			],
			[
				4,
				`\tfor (const ${item} in ${list}) {`,
				belief`for...in, unlike for...of, hands over each name as a key of ${map}`,
			],
			[
				5,
				body(`Number(${map}.${item})`),
				belief`${map}.${item} holds the price as text, which needs Number`,
			],
			[
				7,
				`\treturn ${t} || 0;`,
				belief`only the NaN at the end is wrong, and || 0 clears it`,
			],
		],
		reference: `function ${p.fn}(${map}, ${list}) {\n\treturn ${list}.map((x) => ${map}[x]).reduce((a, b) => a + b, 0);\n}`,
		explain: (f) =>
			`${map}.${item} reads the key named "${item}" itself, which ${map} does not have, so every price is undefined and the total is NaN (null in JSON). ` +
			`${map}[${item}] reads the key whose name ${item} holds: ${f.call} returns ${f.expected}.`,
	};
}

function buildKeyCount(p: Params): Built {
	const { obj, key, noun } = p.scores;
	const t = p.total;
	const ret = (text: string) => `\treturn ${t} / ${text};`;
	return {
		lines: [
			`// Returns the average of the values in ${obj}, an object of ${noun} -> score.`,
			`function ${p.fn}(${obj}) {`,
			`\tlet ${t} = 0;`,
			`\tfor (const ${key} in ${obj}) {`,
			`\t\t${t} += ${obj}[${key}];`,
			"\t}",
			ret(`${obj}.length`),
			"}",
		],
		fix: [7, ret(`Object.keys(${obj}).length`)],
		wrong: [
			[
				7,
				ret(`${obj}.size`),
				belief`a plain object, like a Map, counts its entries in size`,
			],
			[
				7,
				ret(`Object.keys(${obj})`),
				belief`Object.keys gives the number of keys, not the keys`,
			],
			[
				7,
				ret(`(${obj}.length || 1)`),
				belief`${obj}.length is missing only when ${obj} is empty`,
			],
			[
				4,
				`\tfor (const ${key} of ${obj}) {`,
				belief`for...of, not for...in, walks the keys of a plain object`,
			],
			[
				5,
				`\t\t${t} += ${key};`,
				belief`for...in hands over the values, not the keys`,
			],
			[
				7,
				ret(`${obj}.keys().length`),
				belief`every object has a keys() method, as a Map does`,
			],
		],
		reference: `function ${p.fn}(${obj}) {\n\tconst all = Object.values(${obj});\n\treturn all.reduce((a, b) => a + b, 0) / all.length;\n}`,
		explain: (f) =>
			`A plain object has no length property, so ${obj}.length is undefined and dividing by it gives NaN (null in JSON). ` +
			`Object.keys(${obj}) is an array of its keys, and its length counts the ${noun}s: ${f.call} returns ${f.expected}.`,
	};
}

function buildTruthyLookup(p: Params): Built {
	const { stock, list, item } = p.stock;
	const o = p.out;
	const push = (test: string, value = `${stock}[${item}]`) =>
		`\t\t${o}.push(${test} ? ${value} : -1);`;
	return {
		lines: [
			`// Returns how many of each of the ${list} ${stock} holds, or -1 for one it does not list.`,
			`function ${p.fn}(${stock}, ${list}) {`,
			`\tconst ${o} = [];`,
			`\tfor (const ${item} of ${list}) {`,
			push(`${stock}[${item}]`),
			"\t}",
			`\treturn ${o};`,
			"}",
		],
		fix: [5, push(`${item} in ${stock}`)],
		wrong: [
			[
				5,
				`\t\t${o}.push(${stock}[${item}] || -1);`,
				keyed(
					"or-falls-back-only-when-key-missing",
					belief`|| falls back only when the key is missing`,
				),
			],
			[
				5,
				push(`${stock}[${item}] !== null`),
				belief`a key ${stock} does not list reads as null`,
			],
			[
				5,
				push(`${stock} in ${item}`),
				belief`in takes the object on its left and the key on its right`,
			],
			[
				5,
				push(`${stock}.${item}`),
				belief`${stock}.${item} tests the key held in ${item}`,
			],
			[
				5,
				push(`${item} in Object.keys(${stock})`),
				belief`in searches the items of an array, here the keys of ${stock}`,
			],
			[
				4,
				`\tfor (const ${item} in ${list}) {`,
				belief`for...in hands over the ${list} themselves`,
			],
		],
		reference: `function ${p.fn}(${stock}, ${list}) {\n\treturn ${list}.map((x) => (Object.prototype.hasOwnProperty.call(${stock}, x) ? ${stock}[x] : -1));\n}`,
		explain: (f) =>
			`The test ${stock}[${item}] ? … is false for a stored 0 as well as for a missing key, so a stored count of 0 comes back as -1, like a missing one: ${f.call} returns ${f.actual}. ` +
			`${item} in ${stock} asks whether the key exists, whatever its value, so ${f.call} returns ${f.expected}.`,
	};
}

function buildMapRead(p: Params): Built {
	const { map, list, item } = p.catalog;
	const t = p.total;
	const body = (text: string) => `\t\t${t} += ${text};`;
	return {
		lines: [
			`// Returns the total price of the ${list}, each looked up in the ${map} Map.`,
			`function ${p.fn}(${map}, ${list}) {`,
			`\tlet ${t} = 0;`,
			`\tfor (const ${item} of ${list}) {`,
			body(`${map}[${item}]`),
			"\t}",
			`\treturn ${t};`,
			"}",
		],
		fix: [5, body(`${map}.get(${item})`)],
		wrong: [
			[
				5,
				body(`${map}.get[${item}]`),
				belief`get is read with brackets, as an object's keys are`,
			],
			[
				5,
				body(`${map}.has(${item})`),
				belief`has gives the value stored under a key`,
			],
			[
				5,
				body(`${map}.${item}`),
				belief`${map}.${item} reads the entry whose key ${item} holds`,
			],
			[
				5,
				body(`${map}[${item}] || 0`),
				belief`the NaN comes from ${withArticle(item)} ${map} lacks, and || 0 covers it`,
			],
			[
				5,
				body(`${map}.get(${item})[1]`),
				belief`get gives back the [key, value] pair of an entry`,
			],
			[
				4,
				`\tfor (const ${item} of ${map}.keys()) {`,
				belief`the brackets find only the keys the loop takes from the Map itself`,
			],
		],
		reference: `function ${p.fn}(${map}, ${list}) {\n\treturn ${list}.reduce((sum, x) => sum + ${map}.get(x), 0);\n}`,
		explain: (f) =>
			`A Map keeps its entries apart from its properties: ${map}[${item}] looks for a property, finds none, and gives undefined, so the total is NaN (null in JSON). ` +
			`${map}.get(${item}) reads the entry: ${f.call} returns ${f.expected}.`,
	};
}

function buildMapHas(p: Params): Built {
	const { map, list, item } = p.catalog;
	const ret = (test: string) =>
		`\treturn ${list}.filter((${item}) => ${test});`;
	return {
		lines: [
			`// Returns the names in ${list} that the ${map} Map has an entry for.`,
			`function ${p.fn}(${map}, ${list}) {`,
			ret(`${item} in ${map}`),
			"}",
		],
		fix: [3, ret(`${map}.has(${item})`)],
		wrong: [
			[
				3,
				ret(`${map}.get(${item})`),
				belief`get gives something truthy for every key the Map holds`,
			],
			[
				3,
				ret(`${map}[${item}] !== undefined`),
				belief`brackets read the entries of a Map as they read the keys of an object`,
			],
			[
				3,
				ret(`[...${map}].includes(${item})`),
				belief`spreading a Map gives its keys`,
			],
			[
				3,
				ret(`Object.keys(${map}).includes(${item})`),
				belief`Object.keys lists the keys of a Map too`,
			],
			[
				3,
				ret(`${item} in ${map}.keys()`),
				belief`in searches the keys a Map's keys() hands over`,
			],
			[
				3,
				ret(`${map}.keys().includes(${item})`),
				belief`keys() gives an array, with includes like any other`,
			],
		],
		reference: `function ${p.fn}(${map}, ${list}) {\n\tconst keys = [...${map}.keys()];\n\treturn ${list}.filter((x) => keys.includes(x));\n}`,
		explain: (f) =>
			`in tests an object's properties, and a Map keeps its entries apart from them, so ${item} in ${map} is false for every ${item}: ${f.call} returns ${f.actual}. ` +
			`${map}.has(${item}) asks the Map itself, so ${f.call} returns ${f.expected}.`,
	};
}

function buildMapCounter(p: Params): Built {
	const s = p.subject;
	const { w, list } = s;
	const c = p.counts;
	const body = (text: string) => `\t\t${text}`;
	return {
		lines: [
			`// Returns how many times ${eachOf(s)} appears, as an object.`,
			`function ${p.fn}(${list}) {`,
			`\tconst ${c} = new Map();`,
			`\tfor (const ${w} of ${list}) {`,
			body(`${c}.set(${w}, ${c}[${w}] + 1);`),
			"\t}",
			`\treturn Object.fromEntries(${c});`,
			"}",
		],
		fix: [5, body(`${c}.set(${w}, (${c}.get(${w}) || 0) + 1);`)],
		wrong: [
			[
				5,
				body(`${c}.set(${w}, ${c}.get(${w}) + 1);`),
				belief`get gives 0 for a key the Map does not hold yet`,
			],
			[
				5,
				body(`${c}.set(${w}, (${c}[${w}] || 0) + 1);`),
				belief`${c}[${w}] reads the count that set stored`,
			],
			[
				5,
				body(`${c}[${w}] = (${c}.get(${w}) || 0) + 1;`),
				belief`assigning with brackets stores an entry in the Map`,
			],
			[
				5,
				body(`${c}.set(${w}, (${c}.has(${w}) || 0) + 1);`),
				belief`has gives the count stored under ${w}`,
			],
			[
				5,
				body(`${c}.set(${w}, ${c}.get(${w}) ?? 0 + 1);`),
				belief`?? 0 + 1 adds one to the stored count, or to 0 when there is none`,
			],
			[3, `\tconst ${c} = {};`, belief`a plain object has set and get too`],
		],
		reference: `function ${p.fn}(${list}) {\n\tconst out = {};\n\tfor (const x of ${list}) out[x] = (out[x] ?? 0) + 1;\n\treturn out;\n}`,
		explain: (f) =>
			`Two things go wrong on one line: ${c}[${w}] reads a property, not a Map entry, and a key not counted yet has no value, so every count is undefined + 1, NaN (null in JSON). ` +
			`(${c}.get(${w}) || 0) + 1 reads the entry and starts a new one at 0: ${f.call} returns ${f.expected}.`,
	};
}

function buildDefaults(p: Params): Built {
	const [opts, base] = p.optionNames;
	const o = p.out;
	const k = "key";
	const assign = (text: string) => `\t\t${o}[${k}] = ${text};`;
	return {
		lines: [
			`// Returns ${base} with each key that ${opts} holds put in, even one set to 0, "", false or null.`,
			`function ${p.fn}(${opts}, ${base}) {`,
			`\tconst ${o} = {};`,
			`\tfor (const ${k} in ${base}) {`,
			assign(`${opts}[${k}] || ${base}[${k}]`),
			"\t}",
			`\treturn ${o};`,
			"}",
		],
		fix: [5, assign(`${k} in ${opts} ? ${opts}[${k}] : ${base}[${k}]`)],
		wrong: [
			[
				5,
				assign(`${opts}[${k}] ?? ${base}[${k}]`),
				keyed(
					"nullish-falls-back-only-when-key-missing",
					belief`?? falls back only when the key is missing, not when it holds null`,
				),
			],
			[
				5,
				assign(`${opts}.${k} || ${base}[${k}]`),
				belief`${opts}.${k} reads the key whose name ${k} holds`,
			],
			[
				5,
				assign(`${opts} in ${k} ? ${opts}[${k}] : ${base}[${k}]`),
				belief`in takes the object on its left and the key on its right`,
			],
			[
				5,
				assign(`${k} in ${base} ? ${opts}[${k}] : ${base}[${k}]`),
				belief`in should test ${base}, the object the loop walks`,
			],
			[
				4,
				`\tfor (const ${k} in ${opts}) {`,
				belief`the loop should walk the keys ${opts} holds, not all of ${base}`,
			],
			[
				5,
				assign(`${opts}[${k}] !== null ? ${opts}[${k}] : ${base}[${k}]`),
				belief`a key ${opts} does not hold reads as null`,
			],
		],
		reference: `function ${p.fn}(${opts}, ${base}) {\n\treturn Object.fromEntries(Object.keys(${base}).map((x) => [x, Object.prototype.hasOwnProperty.call(${opts}, x) ? ${opts}[x] : ${base}[x]]));\n}`,
		explain: (f) =>
			`|| falls back whenever the left side is falsy, so a setting of 0, "", false or null in ${opts} is replaced by the default: ${f.call} returns ${f.actual}. ` +
			`${k} in ${opts} asks whether ${opts} holds the key at all (?? would still replace null), so ${f.call} returns ${f.expected}.`,
	};
}

function buildFirstUnique(p: Params): Built {
	const s = p.subject;
	const { w, list } = s;
	const c = p.counts;
	const loop = `\tfor (const ${w} of ${list})`;
	const check = (test: string, value: string = w) =>
		`${loop} if (${test}) return ${value};`;
	return {
		lines: [
			`// Returns the first ${s.item} of ${list} that appears only once, or null when there is none.`,
			`function ${p.fn}(${list}) {`,
			`\tconst ${c} = {};`,
			`${loop} ${c}[${w}] = (${c}[${w}] || 0) + 1;`,
			check(`${c}.${w} === 1`),
			"\treturn null;",
			"}",
		],
		fix: [5, check(`${c}[${w}] === 1`)],
		wrong: [
			[
				5,
				check(`${c}["${w}"] === 1`),
				belief`quotes in the brackets make ${c} read the key held in ${w}`,
			],
			[
				5,
				check(`${c}[${w}]`),
				belief`any count that is set means the ${s.item} appears once`,
			],
			[
				4,
				`${loop} ${c}[${w}] += 1;`,
				belief`the counting loop is the bug, and += alone counts each ${s.item}`,
			],
			[
				5,
				check(`${c}[${w}] === 0`),
				belief`${withArticle(s.item)} seen once has a count of 0, since counting starts at 0`,
			],
			[
				5,
				`\tfor (const ${w} in ${list}) if (${c}[${w}] === 1) return ${w};`,
				belief`for...in hands over the ${s.letters ? "letters" : list} themselves`,
			],
			[
				5,
				check(`${c}[${w}] === 1`, `${c}[${w}]`),
				belief`the function should give back the count it found`,
			],
		],
		reference: `function ${p.fn}(${list}) {\n\tconst all = [...${list}];\n\treturn all.find((x) => all.indexOf(x) === all.lastIndexOf(x)) ?? null;\n}`,
		explain: (f) =>
			`${c}.${w} reads the key named "${w}" itself, which ${c} never gets, so the test is never true and the function returns null. ` +
			`${c}[${w}] reads the count of the ${s.item} that ${w} holds: ${f.call} returns ${f.expected}.`,
	};
}

/** The variants whose loop (line 4, body on line 5, closed on line 6) may be written on one line. */
const INLINE: ReadonlySet<Variant> = new Set([
	"counter",
	"dotKey",
	"keyCount",
	"truthyLookup",
	"mapRead",
	"mapCounter",
]);

/** The same function with the loop's body on the loop's line, and every change moved to match. */
function inlined(built: Built): Built {
	const header = built.lines[3] ?? "";
	const body = (built.lines[4] ?? "").trim();
	if (!header.endsWith(" {") || built.lines[5] !== "\t}")
		throw new Error("no loop block to put on one line");
	const open = (line: string) => {
		if (!line.endsWith(" {")) throw new Error(`not a loop header: ${line}`);
		return line.slice(0, -2);
	};
	const move = (line: number, text: string): [number, string] => {
		if (line === 4) return [4, `${open(text)} ${body}`];
		if (line === 5) return [4, `${open(header)} ${text.trim()}`];
		if (line === 6) throw new Error("a change to the loop's closing brace");
		return [line > 6 ? line - 2 : line, text];
	};
	return {
		...built,
		lines: [
			...built.lines.slice(0, 3),
			`${open(header)} ${body}`,
			...built.lines.slice(6),
		],
		fix: move(...built.fix),
		wrong: built.wrong.map(([line, text, misconception]) => [
			...move(line, text),
			misconception,
		]),
	};
}

function build(p: Params): Built {
	const built = buildBlock(p);
	return p.inline ? inlined(built) : built;
}

function buildBlock(p: Params): Built {
	switch (p.variant) {
		case "counter":
			return buildCounter(p);
		case "dotKey":
			return buildDotKey(p);
		case "keyCount":
			return buildKeyCount(p);
		case "truthyLookup":
			return buildTruthyLookup(p);
		case "mapRead":
			return buildMapRead(p);
		case "mapHas":
			return buildMapHas(p);
		case "mapCounter":
			return buildMapCounter(p);
		case "defaults":
			return buildDefaults(p);
		case "firstUnique":
			return buildFirstUnique(p);
	}
}

export const objectLookupBugs = defineFamily<Params>({
	id: "javascript/object-lookup-bugs",
	idea: "js.object-lookups",
	language: "javascript",
	kind: "fix-the-bug",
	difficulty: ["easy", "medium", "hard"],
	title: "Counting and looking up keys",
	topics: ["objects", "counting", "map", "lookup", "keys", "debugging"],
	params: draw,
	build: (p): FixTheBug => {
		const built = build(p);
		return fixFromLines(
			built,
			p.examples.map((args) => `${p.fn}(${args})`),
		);
	},
});
