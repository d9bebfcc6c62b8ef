import type { Difficulty } from "@app/contract";
import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily, type FixTheBug } from "../family.js";
import { fixFromLines, jsLiteral, type LinesFix } from "../fix-draft.js";
import { withArticle } from "../prose.js";

type Variant =
	| "ascending"
	| "descending"
	| "exactIndex"
	| "rounded"
	| "mapParse"
	| "amounts"
	| "lastN"
	| "between"
	| "shorten";

const VARIANTS: Record<Difficulty, readonly Variant[]> = {
	easy: ["ascending", "descending", "exactIndex"],
	medium: ["rounded", "mapParse", "amounts"],
	hard: ["lastN", "between", "shorten"],
};

const LISTS = ["values", "sizes", "scores", "ids", "counts", "ages"];
const ITEMS = ["items", "list", "queue", "rows", "entries"];
const TEXTS = ["text", "input", "raw", "field", "entry", "cell"];
/** Function names per variant: the names vary the code, not what it does. */
const NAMES: Record<Variant, readonly string[]> = {
	ascending: ["ascending", "sortedUp", "smallestFirst", "inOrder"],
	descending: ["descending", "sortedDown", "largestFirst", "topFirst"],
	exactIndex: ["exactIndex", "strictIndexOf", "positionOf", "findExact"],
	rounded: [
		"roundedPrice",
		"wholeAmount",
		"nearestUnit",
		"roundedCost",
		"toNearest",
		"roundText",
	],
	mapParse: ["toWholeNumbers", "wholeParts", "asIntegers", "truncateAll"],
	amounts: ["totalOf", "sumAmounts", "addUp", "grandTotal"],
	lastN: ["lastN", "takeLast", "tail", "lastFew"],
	between: ["between", "span", "fromTo", "pick"],
	shorten: ["shorten", "truncate", "clip", "ellipsize"],
};
const PAIRS = [
	["a", "b"],
	["x", "y"],
	["p", "q"],
] as const;
const VALUE_NAMES = ["value", "wanted", "target"];
const STRING_LISTS = ["texts", "fields", "cells", "strings"];
const AMOUNTS = [
	["amounts", "amount"],
	["prices", "price"],
	["costs", "cost"],
	["fees", "fee"],
] as const;
const COUNT_NAMES = ["n", "count", "k"];
const BOUNDS = [
	["start", "end"],
	["from", "to"],
	["first", "last"],
] as const;
const MAX_NAMES = ["max", "limit", "width"];
const ACCS = ["sum", "total", "acc"];
const WORDS = [
	"apple",
	"berry",
	"cocoa",
	"delta",
	"ember",
	"fable",
	"grape",
	"hazel",
	"igloo",
	"jelly",
	"koala",
	"lemon",
];
const SENTENCES = [
	"the quick brown fox",
	"hello wonderful world",
	"a long way from home",
	"read the fine manual",
	"keep it short and sweet",
	"never stop learning",
];

interface Params {
	variant: Variant;
	/** names that vary the code's look */
	list: string;
	items: string;
	text: string;
	fn: string;
	acc: string;
	loop: "index" | "forOf";
	pair: readonly [string, string];
	valueName: string;
	strings: string;
	amounts: readonly [string, string];
	countName: string;
	bounds: readonly [string, string];
	maxName: string;
	/** the example calls' arguments, as source */
	examples: string[];
}

/** Numbers whose text order differs from their numeric order. */
function trickyNumbers(rng: Rng, count: number): number[] {
	for (;;) {
		const values = Array.from({ length: count }, () =>
			rng.pick([rng.int(2, 9), rng.int(10, 99), rng.int(100, 300)]),
		);
		const text = [...values].sort();
		const numeric = [...values].sort((a, b) => a - b);
		if (
			new Set(values).size === count &&
			text.join() !== numeric.join() &&
			text.reverse().join() !== [...numeric].reverse().join()
		)
			return values;
	}
}

function drawExamples(rng: Rng, variant: Variant): string[] {
	switch (variant) {
		case "ascending":
		case "descending": {
			const plain = rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3);
			return rng.bool()
				? [jsLiteral(plain), jsLiteral(trickyNumbers(rng, 4))]
				: [
						jsLiteral(trickyNumbers(rng, 3)),
						jsLiteral(plain),
						jsLiteral(trickyNumbers(rng, 4)),
					];
		}
		case "exactIndex": {
			const n = rng.int(1, 9);
			const word = rng.pick(WORDS);
			// a loosely equal value comes first: "n" before n, 0 or "" before false
			return rng
				.shuffle([
					`${jsLiteral([String(n), n, n + 1])}, ${n}`,
					`${jsLiteral([word, rng.pick(WORDS)])}, ${jsLiteral(word)}`,
					`[0, "", false], false`,
					`[${n + 1}, "${n}", ${n}], ${n}`,
				])
				.slice(0, rng.int(3, 4));
		}
		case "rounded": {
			const up = `${rng.int(1, 99)}.${rng.int(5, 9)}${rng.int(0, 9)}`;
			const down = `${rng.int(1, 99)}.${rng.int(1, 4)}`;
			const whole = String(rng.int(1, 99));
			return rng.shuffle([up, down, whole]).map((t) => JSON.stringify(t));
		}
		case "mapParse": {
			const list = () =>
				rng.sample(
					["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12"],
					3,
				);
			const fraction = `${rng.int(2, 9)}.${rng.int(1, 9)}`;
			return [
				jsLiteral(list()),
				jsLiteral([String(rng.int(10, 40)), fraction]),
				jsLiteral([rng.pick(["0", "7"])]),
			].slice(0, rng.int(2, 3));
		}
		case "amounts": {
			const part = () => rng.pick(["5", "25", "75"]);
			const amount = () => `${rng.int(0, 9)}.${part()}`;
			return [
				jsLiteral([amount(), amount()]),
				jsLiteral([String(rng.int(1, 9)), String(rng.int(1, 9))]),
				jsLiteral([amount(), String(rng.int(1, 9)), amount()]),
			].slice(0, rng.int(2, 3));
		}
		case "lastN": {
			const words = rng.sample(WORDS, rng.int(4, 6));
			return [
				`${jsLiteral(words)}, ${rng.int(2, 3)}`,
				`${jsLiteral(words.slice(0, 3))}, 1`,
				`${jsLiteral(words.slice(1))}, ${words.length - 1}`,
			].slice(0, rng.int(2, 3));
		}
		case "between": {
			const nums = rng.sample([3, 5, 8, 13, 21, 34, 55, 89], rng.int(5, 6));
			const start = rng.int(1, 2);
			return [
				`${jsLiteral(nums)}, ${start}, ${start + rng.int(1, 2)}`,
				`${jsLiteral(nums)}, 0, 0`,
				`${jsLiteral(nums)}, 0, ${nums.length - 1}`,
			].slice(0, rng.int(2, 3));
		}
		case "shorten": {
			const sentence = rng.pick(SENTENCES);
			const max = rng.int(8, sentence.length - 4);
			const short = rng.pick(WORDS);
			return rng.shuffle([
				`${jsLiteral(sentence)}, ${max}`,
				`${jsLiteral(short)}, ${short.length + rng.int(0, 3)}`,
			]);
		}
	}
}

function draw(rng: Rng, difficulty: Difficulty): Params {
	const variant = rng.pick(VARIANTS[difficulty]);
	return {
		variant,
		list: rng.pick(LISTS),
		items: rng.pick(ITEMS),
		text: rng.pick(TEXTS),
		fn: rng.pick(NAMES[variant]),
		acc: rng.pick(ACCS),
		loop: rng.pick(["index", "forOf"] as const),
		pair: rng.pick(PAIRS),
		valueName: rng.pick(VALUE_NAMES),
		strings: rng.pick(STRING_LISTS),
		amounts: rng.pick(AMOUNTS),
		countName: rng.pick(COUNT_NAMES),
		bounds: rng.pick(BOUNDS),
		maxName: rng.pick(MAX_NAMES),
		examples: drawExamples(rng, variant),
	};
}

type Built = LinesFix & { fn: string };

function buildSort(p: Params, up: boolean): Built {
	const v = p.list;
	const { fn } = p;
	const [x, y] = p.pair;
	const copy = `[...${v}]`;
	const ret = (rest: string) => `\treturn ${copy}${rest};`;
	const cmp = up
		? `(${x}, ${y}) => ${x} - ${y}`
		: `(${x}, ${y}) => ${y} - ${x}`;
	const flip = up
		? `(${x}, ${y}) => ${y} - ${x}`
		: `(${x}, ${y}) => ${x} - ${y}`;
	const flipBody = up ? `${y} - ${x}` : `${x} - ${y}`;
	return {
		fn,
		lines: [
			`// Returns the numbers in ${v} from ${up ? "smallest to largest" : "largest to smallest"}, as a new array.`,
			`function ${fn}(${v}) {`,
			ret(up ? ".sort()" : ".sort().reverse()"),
			"}",
		],
		fix: [3, ret(`.sort(${cmp})`)],
		wrong: [
			[
				3,
				ret(`.sort(${flip})`),
				belief`${flipBody} sorts from ${up ? "smallest to largest" : "largest to smallest"}`,
			],
			[
				3,
				ret(`.map(Number).sort()${up ? "" : ".reverse()"}`),
				belief`sort compares as text only because the values are not numbers yet`,
			],
			[
				3,
				ret(`.sort()${up ? "" : ".reverse()"}.map(Number)`),
				belief`turning the values into numbers afterwards puts them in numeric order`,
			],
			up
				? [
						3,
						ret(".sort().reverse()"),
						belief`sort() puts numbers from largest to smallest`,
					]
				: [
						3,
						ret(".reverse()"),
						belief`reverse sorts ${v} from largest to smallest`,
					],
			[
				3,
				ret(`.sort(${cmp}).reverse()`),
				belief`sort with ${cmp.slice(cmp.indexOf("=>") + 3)} lists the ${up ? "largest" : "smallest"} first, so the order must be turned around`,
			],
		],
		reference: `function ${fn}(${v}) {\n\tconst out = [];\n\tfor (const item of ${v}) {\n\t\tlet i = 0;\n\t\twhile (i < out.length && ${up ? "out[i] <= item" : "out[i] >= item"}) i++;\n\t\tout.splice(i, 0, item);\n\t}\n\treturn out;\n}`,
		explain: (f) =>
			`Without a comparator, sort turns the numbers into strings and compares them character by character, so "100" comes before "9". ` +
			`In ${f.call} that gives ${f.actual}. The comparator ${cmp} compares them as numbers: ${f.expected}.`,
	};
}

function buildExactIndex(p: Params): Built {
	const l = p.items;
	const w = p.valueName;
	const forLine =
		p.loop === "index"
			? `\tfor (let i = 0; i < ${l}.length; i++) {`
			: `\tfor (const [i, item] of ${l}.entries()) {`;
	const x = p.loop === "index" ? `${l}[i]` : "item";
	const test = (body: string) => `\t\tif (${body}) return i;`;
	return {
		fn: p.fn,
		lines: [
			`// Returns the index of the first item in ${l} that is ${w} itself (same type, same value), or -1.`,
			`function ${p.fn}(${l}, ${w}) {`,
			forLine,
			test(`${x} == ${w}`),
			"\t}",
			"\treturn -1;",
			"}",
		],
		fix: [4, test(`${x} === ${w}`)],
		wrong: [
			[4, test(`${x} = ${w}`), belief`a single = compares two values`],
			[
				4,
				test(`String(${x}) === String(${w})`),
				belief`comparing both as strings keeps their types apart`,
			],
			[
				4,
				test(`Number(${x}) === Number(${w})`),
				belief`comparing both as numbers keeps their types apart`,
			],
			[
				4,
				test(`${x} == ${w} && ${x}`),
				belief`only the falsy values make == go wrong`,
			],
			[
				4,
				test(`${x} === ${w} && ${x}`),
				belief`a falsy item must be skipped before comparing`,
			],
		],
		reference: `function ${p.fn}(${l}, ${w}) {\n\treturn ${l}.indexOf(${w});\n}`,
		explain: (f) =>
			`== converts its operands before comparing, so a string such as "1" equals the number 1, and 0, "" and false equal each other. ` +
			`In ${f.call} an earlier item is only loosely equal, which gives ${f.actual}. === compares type and value without converting, so the function returns ${f.expected}.`,
	};
}

function buildRounded(p: Params): Built {
	const t = p.text;
	const ret = (body: string) => `\treturn ${body};`;
	return {
		fn: p.fn,
		lines: [
			`// Returns the number written in ${t} (such as "12.75"), rounded to the nearest whole number.`,
			`function ${p.fn}(${t}) {`,
			ret(`parseInt(${t})`),
			"}",
		],
		fix: [3, ret(`Math.round(parseFloat(${t}))`)],
		wrong: [
			[
				3,
				ret(`Math.round(parseInt(${t}))`),
				belief`parseInt keeps the decimals for Math.round to use`,
			],
			[
				3,
				ret(`Math.round(parseInt(${t}, 10))`),
				belief`parseInt keeps the decimals once it is given the radix 10`,
			],
			[
				3,
				ret(`Math.floor(parseFloat(${t}))`),
				belief`Math.floor rounds to the nearest whole number`,
			],
			[
				3,
				ret(`Math.floor(parseInt(${t}))`),
				belief`Math.floor rounds what parseInt read to the nearest whole number`,
			],
			[3, ret(`Number(${t}).toFixed(0)`), belief`toFixed returns a number`],
			[
				3,
				ret(`Math.trunc(parseFloat(${t}))`),
				belief`Math.trunc rounds to the nearest whole number`,
			],
		],
		reference: `function ${p.fn}(${t}) {\n\tconst n = Number(${t});\n\tconst whole = Math.floor(n);\n\treturn n - whole >= 0.5 ? whole + 1 : whole;\n}`,
		explain: (f) =>
			`parseInt reads digits only up to the first character that cannot be part of a whole number, the dot, so it drops the decimals instead of rounding. ` +
			`parseFloat keeps them and Math.round rounds to the nearest whole number, so ${f.call} returns ${f.expected}, not ${f.actual}.`,
	};
}

function buildMapParse(p: Params): Built {
	const t = p.strings;
	const s = p.text;
	const ret = (body: string) => `\treturn ${t}.map(${body});`;
	return {
		fn: p.fn,
		lines: [
			`// Turns each string in ${t} into a whole number, dropping any decimals.`,
			`function ${p.fn}(${t}) {`,
			ret("parseInt"),
			"}",
		],
		fix: [3, ret(`(${s}) => parseInt(${s}, 10)`)],
		wrong: [
			[
				3,
				ret("parseInt, 10"),
				belief`the second argument of map is passed on to parseInt as its radix`,
			],
			[
				3,
				ret(`(${s}) => Number(${s})`),
				belief`Number drops the decimals as parseInt does`,
			],
			[
				3,
				ret(`(${s}) => parseFloat(${s}, 10)`),
				belief`parseFloat with the radix 10 drops the decimals`,
			],
			[
				3,
				ret(`(${s}, i) => parseInt(${s}, i)`),
				belief`parseInt needs the position of the string as its second argument`,
			],
			[
				3,
				ret(`(${s}) => parseFloat(${s})`),
				belief`parseFloat reads only the whole part`,
			],
		],
		reference: `function ${p.fn}(${t}) {\n\tconst out = [];\n\tfor (const item of ${t}) out.push(Math.trunc(Number(item)));\n\treturn out;\n}`,
		explain: (f) =>
			`map calls its callback with three arguments: the item, its index and the array. parseInt takes the index as its radix: radix 0 means 10, but radix 1 is invalid and radix 2 cannot read most digits, which gives NaN (null in JSON). ` +
			`In ${f.call} that gives ${f.actual}. Calling parseInt with only the string and radix 10 gives ${f.expected}.`,
	};
}

function buildAmounts(p: Params): Built {
	const a = p.acc;
	const [list, v] = p.amounts;
	const add = (expr: string) =>
		`\tfor (const ${v} of ${list}) ${a} += ${expr};`;
	return {
		fn: p.fn,
		lines: [
			`// Returns the total of the ${list}, given as strings such as "2.5".`,
			`function ${p.fn}(${list}) {`,
			`\tlet ${a} = 0;`,
			add(`parseInt(${v})`),
			`\treturn ${a};`,
			"}",
		],
		fix: [4, add(`parseFloat(${v})`)],
		wrong: [
			[4, add(v), belief`+= adds a string that holds a number as a number`],
			[
				4,
				add(`parseInt(${v}, 10)`),
				belief`parseInt reads the decimals once it has a radix`,
			],
			[
				4,
				add(`Number.parseInt(${v})`),
				belief`Number.parseInt reads decimals, unlike the global parseInt`,
			],
			[
				4,
				add(`Number.parseInt(${v}, 10)`),
				belief`Number.parseInt with the radix 10 reads a decimal number`,
			],
			[
				4,
				add(`Math.round(${v})`),
				belief`Math.round turns the string into its exact number`,
			],
			[
				4,
				`\tfor (const ${v} of ${list}) ${a} = parseFloat(${v});`,
				belief`= adds the new amount to the total`,
			],
		],
		reference: `function ${p.fn}(${list}) {\n\treturn ${list}.reduce((s, item) => s + Number(item), 0);\n}`,
		explain: (f) =>
			`parseInt stops at the dot, so "2.5" counts as 2 and every fraction is lost: ${f.call} gives ${f.actual}. ` +
			`parseFloat reads the decimals too, so the total is ${f.expected}.`,
	};
}

function buildLastN(p: Params): Built {
	const l = p.items;
	const n = p.countName;
	const ret = (args: string) => `\treturn ${l}.slice(${args});`;
	return {
		fn: p.fn,
		lines: [
			`// Returns the last ${n} items of ${l} (${n} is between 1 and ${l}.length).`,
			`function ${p.fn}(${l}, ${n}) {`,
			ret(`${l}.length - ${n} - 1`),
			"}",
		],
		fix: [3, ret(`${l}.length - ${n}`)],
		wrong: [
			[
				3,
				ret(`-${n} - 1`),
				belief`a start of -1 leaves out the last item, so -${n} needs 1 more taken off`,
			],
			[
				3,
				ret(`${l}.length - ${n}, -1`),
				belief`slice needs -1 as its end to reach the last item`,
			],
			[3, ret(n), belief`slice(${n}) keeps the last ${n} items`],
			[
				3,
				ret(`${l}.length - ${n} + 1`),
				belief`the last item is at index ${l}.length, so the start is one further on`,
			],
			[
				3,
				ret(`-${n}, ${l}.length - 1`),
				belief`the end of a slice is the index of the last item to keep`,
			],
		],
		reference: `function ${p.fn}(${l}, ${n}) {\n\tconst out = [];\n\tfor (let i = ${l}.length - ${n}; i < ${l}.length; i++) out.push(${l}[i]);\n\treturn out;\n}`,
		explain: (f) =>
			`The last ${n} items start at index ${l}.length - ${n}; subtracting 1 more starts one item too early, so ${f.call} returns ${f.actual}. ` +
			`slice(${l}.length - ${n}) runs from there to the end: ${f.expected}.`,
	};
}

function buildBetween(p: Params): Built {
	const l = p.items;
	const [a, b] = p.bounds;
	const ret = (body: string) => `\treturn ${body};`;
	return {
		fn: p.fn,
		lines: [
			`// Returns the items of ${l} from index ${a} to index ${b}, both included.`,
			`function ${p.fn}(${l}, ${a}, ${b}) {`,
			ret(`${l}.slice(${a}, ${b})`),
			"}",
		],
		fix: [3, ret(`${l}.slice(${a}, ${b} + 1)`)],
		wrong: [
			[
				3,
				ret(`${l}.slice(${a} - 1, ${b})`),
				belief`slice leaves out the start, not the end`,
			],
			[
				3,
				ret(`${l}.slice(${a} - 1, ${b} + 1)`),
				belief`both ends must be widened by one to be included`,
			],
			[
				3,
				ret(`${l}.slice(${a}, ${b} - ${a} + 1)`),
				belief`the second argument of slice is how many items to take`,
			],
			[
				3,
				ret(`${l}.splice(${a}, ${b})`),
				belief`splice takes an end index, as slice does`,
			],
			[
				3,
				ret(`${l}.slice(${a} + 1, ${b} + 1)`),
				belief`both ends of a slice are shifted by one`,
			],
			[
				3,
				ret(`${l}.slice(${a}, -${b})`),
				belief`a negative end counts the items to keep`,
			],
		],
		reference: `function ${p.fn}(${l}, ${a}, ${b}) {\n\treturn ${l}.filter((_, i) => i >= ${a} && i <= ${b});\n}`,
		explain: (f) =>
			`slice(${a}, ${b}) stops before index ${b}, so the item at ${b} is left out: ${f.call} returns ${f.actual}. ` +
			`To include it, the end passed to slice must be one past it, ${b} + 1: ${f.expected}.`,
	};
}

function buildShorten(p: Params): Built {
	const t = p.text;
	const m = p.maxName;
	const cut = (args: string) => `\treturn ${t}.slice(${args}) + "...";`;
	return {
		fn: p.fn,
		lines: [
			`// Shortens ${t} to at most ${m} characters, ending in "..." when it had to be cut.`,
			`function ${p.fn}(${t}, ${m}) {`,
			`\tif (${t}.length <= ${m}) return ${t};`,
			cut(`0, ${m}`),
			"}",
		],
		fix: [4, cut(`0, ${m} - 3`)],
		wrong: [
			[
				4,
				cut(`0, ${m} - 4`),
				belief`the dots take four characters with the end index`,
			],
			[
				4,
				cut(`${m} - 3`),
				belief`slice with one argument keeps that many characters`,
			],
			[4, cut("0, -3"), belief`-3 makes room for the dots within ${m}`],
			[
				4,
				cut("0, -4"),
				belief`a negative end counts back from ${m}, with one more for the end index`,
			],
			[
				3,
				`\tif (${t}.length < ${m}) return ${t};`,
				belief`${withArticle(t)} exactly ${m} long is what comes out too long`,
			],
		],
		reference: `function ${p.fn}(${t}, ${m}) {\n\treturn ${t}.length > ${m} ? \`\${${t}.substring(0, ${m} - 3)}...\` : ${t};\n}`,
		explain: (f) =>
			`slice(0, ${m}) keeps ${m} characters and the three dots come on top, so the result is 3 characters too long: ${f.call} returns ${f.actual}. ` +
			`Keeping ${m} - 3 characters leaves room for the dots: ${f.expected}.`,
	};
}

function build(p: Params): Built {
	switch (p.variant) {
		case "ascending":
			return buildSort(p, true);
		case "descending":
			return buildSort(p, false);
		case "exactIndex":
			return buildExactIndex(p);
		case "rounded":
			return buildRounded(p);
		case "mapParse":
			return buildMapParse(p);
		case "amounts":
			return buildAmounts(p);
		case "lastN":
			return buildLastN(p);
		case "between":
			return buildBetween(p);
		case "shorten":
			return buildShorten(p);
	}
}

export const comparisonConversionBugs = defineFamily<Params>({
	id: "javascript/comparison-conversion-bugs",
	idea: "js.type-coercion",
	language: "javascript",
	kind: "fix-the-bug",
	difficulty: ["easy", "medium", "hard"],
	title: "Comparisons and conversions",
	topics: [
		"sorting",
		"comparisons",
		"strict equality",
		"parseint",
		"type conversion",
		"slice",
		"off-by-one",
		"debugging",
	],
	params: draw,
	build: (p): FixTheBug => {
		const built = build(p);
		return fixFromLines(
			built,
			p.examples.map((args) => `${built.fn}(${args})`),
		);
	},
});
