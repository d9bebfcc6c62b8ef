import type { Difficulty } from "@app/contract";
import type { Rng } from "../../rng.js";
import { belief } from "../belief.js";
import { defineFamily, type FixTheBug } from "../family.js";
import { fixFromLines, jsLiteral, type LinesFix } from "../fix-draft.js";
import { itemAt } from "../item-at.js";

/** A list of records with one number field: the function adds that field up. */
const FIELDS = [
	{ fn: "totalPrice", list: "items", item: "item", field: "price" },
	{ fn: "totalPages", list: "books", item: "book", field: "pages" },
	{ fn: "totalMinutes", list: "songs", item: "song", field: "minutes" },
	{ fn: "totalVotes", list: "polls", item: "poll", field: "votes" },
	{ fn: "totalWeight", list: "boxes", item: "box", field: "kg" },
] as const;
type Field = (typeof FIELDS)[number];

/** Lists of numbers with the words for them. */
const NUMBERS = [
	{ list: "values", item: "value" },
	{ list: "temps", item: "temp" },
	{ list: "scores", item: "score" },
	{ list: "changes", item: "change" },
	{ list: "readings", item: "reading" },
	{ list: "deltas", item: "delta" },
	{ list: "levels", item: "level" },
	{ list: "marks", item: "mark" },
] as const;
type Numbers = (typeof NUMBERS)[number];

const WORD_POOL = [
	"ant",
	"bee",
	"cat",
	"dog",
	"emu",
	"fox",
	"gnu",
	"hen",
	"owl",
	"yak",
	"lion",
	"mole",
	"seal",
	"wolf",
	"zebra",
	"tiger",
	"panda",
	"otter",
	"badger",
	"ferret",
	"jaguar",
	"monkey",
	"dolphin",
	"giraffe",
	"hamster",
	"leopard",
];
const wordsOf = (length: number) =>
	WORD_POOL.filter((w) => w.length === length);

/** Names that vary the code's look without changing what it does. */
const ACCUMULATORS = ["total", "sum", "result", "acc"];
const COUNTERS = ["count", "hits", "found", "tally"];
const BESTS = ["best", "top", "record", "extreme"];
const INDEXES = ["i", "j", "k"];
const WORD_LISTS = ["words", "tags", "labels", "codes", "titles"];
const TARGETS = ["target", "wanted", "needle"];
const LIMITS = ["limit", "size", "cap"];
const GRIDS = ["grid", "rows", "table", "board", "matrix"];
const GRID_INDEXES = [
	["r", "c"],
	["i", "j"],
	["row", "col"],
] as const;
const OUTS = ["out", "result", "sofar"];
const PAIRS = [
	["a", "b"],
	["x", "y"],
	["acc", "n"],
] as const;

/** An accumulator re-declared with let inside the loop (it reads itself in its TDZ). */
const SHADOWED = [
	{
		fn: "sumOfSquares",
		op: "+",
		intent: "Returns the sum of the squares of the numbers in values.",
		acc: "sum",
		start: "0",
		step: "sum + value * value",
		reference: "values.reduce((s, v) => s + v ** 2, 0)",
	},
	{
		fn: "product",
		op: "*",
		intent: "Returns the product of the numbers in values.",
		acc: "result",
		start: "1",
		step: "result * value",
		reference: "values.reduce((p, v) => p * v, 1)",
	},
	{
		fn: "sumOfSizes",
		op: "+",
		intent: "Returns the sum of the absolute values of the numbers in values.",
		acc: "total",
		start: "0",
		step: "total + Math.abs(value)",
		reference: "values.reduce((s, v) => s + (v < 0 ? -v : v), 0)",
	},
	{
		fn: "sumOfDoubles",
		op: "+",
		intent: "Returns twice the sum of the numbers in values.",
		acc: "sum",
		start: "0",
		step: "sum + 2 * value",
		reference: "2 * values.reduce((s, v) => s + v, 0)",
	},
] as const;

type Variant =
	| "field"
	| "skipFirst"
	| "noStart"
	| "elseReturn"
	| "shadowed"
	| "earlyReturn"
	| "grid"
	| "extreme"
	| "running"
	| "reduceStart";

const VARIANTS: Record<Difficulty, readonly Variant[]> = {
	easy: ["field", "skipFirst", "noStart", "elseReturn"],
	medium: ["shadowed", "earlyReturn", "grid"],
	hard: ["extreme", "running", "reduceStart"],
};

interface Params {
	variant: Variant;
	field: Field;
	numbers: Numbers;
	shadowed: (typeof SHADOWED)[number];
	/** the example inputs, as JavaScript values */
	inputs: unknown[][];
	/** extreme, running, reduceStart: largest or smallest */
	want: "max" | "min";
	/** skipFirst: the limit; earlyReturn: the limit of letters */
	limit: number;
	/** earlyReturn: every word short, or some number negative */
	mode: "every" | "some";
	/** extreme: the start value the fix uses */
	fixStart: "first" | "infinity";
	/** names: the accumulator, the loop index, the word list and so on */
	acc: string;
	counter: string;
	best: string;
	index: string;
	words: string;
	target: string;
	limitName: string;
	gridName: string;
	gridIndexes: readonly [string, string];
	out: string;
	pair: readonly [string, string];
	/** skipFirst: count above or below the limit; grid: sum or count the positives */
	above: boolean;
	/** extreme: a for...of loop or an index loop */
	indexLoop: boolean;
}

const distinctInts = (rng: Rng, count: number, low: number, high: number) =>
	rng.sample(
		Array.from({ length: high - low + 1 }, (_, i) => low + i),
		count,
	);

function drawInputs(rng: Rng, variant: Variant, p: Omit<Params, "inputs">) {
	switch (variant) {
		case "field": {
			const rows = (n: number) =>
				distinctInts(rng, n, 1, 20).map((v) => ({ [p.field.field]: v }));
			return rng.shuffle([[rows(2)], [rows(3)], [rows(1)]]).slice(0, 2);
		}
		case "skipFirst": {
			const beyond = () => rng.int(p.limit + 1, p.limit + 9);
			const within = () => rng.int(1, p.limit - 1);
			// counted numbers: above the limit, or below it
			const above = p.above ? beyond : within;
			const below = p.above ? within : beyond;
			// one list starts with a counted number, one ends with one, one starts with another
			return [
				[[above(), below(), below(), above()], p.limit],
				[[below(), above(), above()], p.limit],
				[[above(), above(), below()], p.limit],
			].slice(0, rng.int(2, 3));
		}
		case "noStart": {
			const rows = (n: number) =>
				distinctInts(rng, n, 1, 30).map((v) => ({ [p.field.field]: v }));
			return [[rows(rng.int(2, 3))], [rows(3)], [[]]];
		}
		case "elseReturn": {
			const words = rng.sample(WORD_POOL, rng.int(3, 4));
			const later = itemAt(words, rng.int(1, words.length - 1));
			const missing = itemAt(
				WORD_POOL.filter((w) => !words.includes(w)),
				rng.int(0, 3),
			);
			return rng.bool()
				? [
						[words, later],
						[words, missing],
					]
				: [
						[words, itemAt(words, 0)],
						[words, later],
						[words, missing],
					];
		}
		case "shadowed": {
			const list = (n: number) =>
				Array.from({ length: n }, () => rng.int(-5, 6) || 7);
			return [[list(3)], [list(4)], [[]]].slice(0, rng.int(2, 3));
		}
		case "earlyReturn": {
			if (p.mode === "every") {
				const limit = 4 + (p.limit % 3);
				const short = () => rng.pick(wordsOf(limit - 1));
				const long = () => rng.pick(wordsOf(limit + 1));
				// a word exactly as long as the limit is not shorter than it
				const edge = () => rng.pick(wordsOf(limit));
				return [
					[[short(), edge(), short()], limit],
					[[short(), long()], limit],
					[[short(), short()], limit],
				].slice(0, rng.int(2, 3));
			}
			return [
				[[rng.int(1, 9), 0, -rng.int(1, 9)]],
				[[rng.int(1, 9), rng.int(1, 9), 0]],
				[[-rng.int(1, 9), rng.int(1, 9)]],
			].slice(0, rng.int(2, 3));
		}
		case "grid": {
			const row = (n: number) => distinctInts(rng, n, 1, 9);
			return [[[row(rng.int(2, 3))]], [[row(2), row(3)]], [[row(2), row(2)]]];
		}
		case "extreme":
		case "running":
		case "reduceStart": {
			const sign = p.want === "max" ? -1 : 1;
			// all below 0 for a largest, all above 0 for a smallest: a start of 0 wins
			const tricky = (n: number) =>
				distinctInts(rng, n, 2, 19).map((v) => sign * v);
			// a first number on the winning side of 0, so the start of 0 does no harm here
			const mixed = [-sign * rng.int(1, 9), rng.int(-9, 9), rng.int(-9, 9)];
			const lists = [[mixed], [tricky(3)], [tricky(rng.int(2, 4))]];
			return variant === "running" ? [...lists.slice(0, 2), [[]]] : lists;
		}
	}
}

function draw(rng: Rng, difficulty: Difficulty): Params {
	const variant = rng.pick(VARIANTS[difficulty]);
	const base = {
		variant,
		field: rng.pick(FIELDS),
		numbers: rng.pick(NUMBERS),
		shadowed: rng.pick(SHADOWED),
		want: rng.pick(["max", "min"] as const),
		limit: rng.int(4, 9),
		mode: rng.pick(["every", "some"] as const),
		fixStart: rng.pick(["first", "infinity"] as const),
		acc: rng.pick(ACCUMULATORS),
		counter: rng.pick(COUNTERS),
		best: rng.pick(BESTS),
		index: rng.pick(INDEXES),
		words: rng.pick(WORD_LISTS),
		target: rng.pick(TARGETS),
		limitName: rng.pick(LIMITS),
		gridName: rng.pick(GRIDS),
		gridIndexes: rng.pick(GRID_INDEXES),
		out: rng.pick(OUTS),
		pair: rng.pick(PAIRS),
		above: rng.bool(),
		indexLoop: rng.bool(),
	};
	return { ...base, inputs: drawInputs(rng, variant, base) };
}

type Built = LinesFix;

function buildField(p: Params): Built {
	const { fn, list, item, field } = p.field;
	const { acc: t, index: i } = p;
	return {
		lines: [
			`// Returns the sum of the ${field} of the ${list}.`,
			`function ${fn}(${list}) {`,
			`\tlet ${t} = 0;`,
			`\tfor (let ${i} = 0; ${i} <= ${list}.length; ${i}++) {`,
			`\t\t${t} += ${list}[${i}].${field};`,
			"\t}",
			`\treturn ${t};`,
			"}",
		],
		fix: [4, `\tfor (let ${i} = 0; ${i} < ${list}.length; ${i}++) {`],
		wrong: [
			[
				4,
				`\tfor (let ${i} = 1; ${i} <= ${list}.length; ${i}++) {`,
				belief`the first ${item} is at index 1`,
			],
			[
				4,
				`\tfor (let ${i} = 1; ${i} <= ${list}.length - 1; ${i}++) {`,
				belief`the ${list} run from item 1 to item ${list}.length - 1`,
			],
			[
				4,
				`\tfor (let ${i} = 1; ${i} < ${list}.length; ${i}++) {`,
				belief`counting the ${list} from 1 is what keeps the loop inside the array`,
			],
			[
				5,
				`\t\t${t} += ${list}[${i}]?.${field};`,
				belief`reading past the end is harmless once ?. stops the TypeError`,
			],
			[
				5,
				`\t\t${t} += ${list}[${i} - 1].${field};`,
				belief`reading the ${item} before ${i} makes up for the extra pass`,
			],
			[
				7,
				`\treturn ${t} - 1;`,
				belief`the loop adds one too many, so ${t} comes out one too big`,
			],
		],
		reference: `function ${fn}(${list}) {\n\treturn ${list}.map((x) => x.${field}).reduce((a, b) => a + b, 0);\n}`,
		explain: (f) =>
			`Indexes run from 0 to ${list}.length - 1, so ${i} <= ${list}.length makes one pass too many: ${list}[${list}.length] is undefined, and reading .${field} on it raises a TypeError. ` +
			`With ${i} < ${list}.length the loop reads each ${item} once, and ${f.call} returns ${f.expected}.`,
	};
}

function buildSkipFirst(p: Params): Built {
	const { list, item } = p.numbers;
	const { counter: n, index: i, limitName: lim } = p;
	const cmp = p.above ? ">" : "<";
	const fn = p.above ? "countAbove" : "countBelow";
	return {
		lines: [
			`// Counts the ${list} that are ${p.above ? "greater" : "less"} than ${lim}.`,
			`function ${fn}(${list}, ${lim}) {`,
			`\tlet ${n} = 0;`,
			`\tfor (let ${i} = 1; ${i} < ${list}.length; ${i}++) {`,
			`\t\tif (${list}[${i}] ${cmp} ${lim}) ${n}++;`,
			"\t}",
			`\treturn ${n};`,
			"}",
		],
		fix: [4, `\tfor (let ${i} = 0; ${i} < ${list}.length; ${i}++) {`],
		wrong: [
			[
				4,
				`\tfor (let ${i} = 1; ${i} <= ${list}.length; ${i}++) {`,
				belief`the loop misses the last ${item}, not the first`,
			],
			[
				4,
				`\tfor (let ${i} = 0; ${i} < ${list}.length - 1; ${i}++) {`,
				belief`the last index is ${list}.length - 1, so the loop must stop before it`,
			],
			[
				5,
				`\t\tif (${list}[${i}] ${cmp}= ${lim}) ${n}++;`,
				belief`the count misses the ${list} equal to ${lim}`,
			],
			[
				3,
				`\tlet ${n} = 1;`,
				belief`starting ${n} at 1 makes up for the first ${item}`,
			],
			[
				5,
				`\t\tif (${list}[${i} - 1] ${cmp} ${lim}) ${n}++;`,
				belief`${list}[${i} - 1] reads the current ${item} when the loop starts at 1`,
			],
		],
		reference: `function ${fn}(${list}, ${lim}) {\n\treturn ${list}.filter((x) => x ${cmp} ${lim}).length;\n}`,
		explain: (f) =>
			`Arrays are indexed from 0, so a loop that starts at ${i} = 1 never looks at ${list}[0]. ` +
			`In ${f.call} the first ${item} is ${p.above ? "above" : "below"} the limit but is never counted, which gives ${f.actual} instead of ${f.expected}. Starting at 0 checks every ${item}.`,
	};
}

function buildNoStart(p: Params): Built {
	const { fn, list, item, field } = p.field;
	const v = p.indexLoop ? item.slice(0, 1) : item;
	const t = p.acc;
	const call = (args: string, rest = "") =>
		`\treturn ${list}.reduce(${args} => ${rest});`;
	return {
		lines: [
			`// Returns the sum of the ${field} of the ${list}.`,
			`function ${fn}(${list}) {`,
			call(`(${t}, ${v})`, `${t} + ${v}.${field}`),
			"}",
		],
		fix: [3, call(`(${t}, ${v})`, `${t} + ${v}.${field}, 0`)],
		wrong: [
			[
				3,
				call(`(${v}, ${t})`, `${t} + ${v}.${field}, 0`),
				belief`reduce passes the ${item} first and the running ${t} second`,
			],
			[
				3,
				call(`(${t}, ${v})`, `${t}.${field} + ${v}.${field}`),
				belief`${t} starts as the first ${item}, so its ${field} must be read too`,
			],
			[
				3,
				call(`(${t}, ${v})`, `${t} + ${v}.${field}, []`),
				belief`any empty value will do as the start value`,
			],
			[
				3,
				call(`(${t}, ${v})`, `${t} + ${v}.${field}, ${list}[0]`),
				belief`the first ${item} is the natural start value`,
			],
			[
				3,
				`\treturn ${list}.map((${v}) => ${v}.${field}).reduce((a, b) => a + b);`,
				belief`reduce needs no start value once the ${list} are turned into numbers`,
			],
		],
		reference: `function ${fn}(${list}) {\n\tlet total = 0;\n\tfor (const x of ${list}) total += x.${field};\n\treturn total;\n}`,
		explain: (f) =>
			`Without a start value, reduce takes the first ${item} itself as ${t}, an object, and adding a number to an object joins them as strings; on an empty array it raises a TypeError. ` +
			`With 0 as the start value every ${item} is passed to the callback and ${t} is a number: ${f.call} returns ${f.expected}.`,
	};
}

function buildElseReturn(p: Params): Built {
	const { words: ws, target: x, index: i } = p;
	const test = `${ws}[${i}] === ${x}`;
	return {
		lines: [
			`// Returns the index of the first of the ${ws} equal to ${x}, or -1 when there is none.`,
			`function position(${ws}, ${x}) {`,
			`\tfor (let ${i} = 0; ${i} < ${ws}.length; ${i}++) {`,
			`\t\tif (${test}) return ${i}; else return -1;`,
			"\t}",
			"\treturn -1;",
			"}",
		],
		fix: [4, `\t\tif (${test}) return ${i};`],
		wrong: [
			[
				4,
				`\t\tif (${ws}[${i}] == ${x}) return ${i}; else return -1;`,
				belief`=== misses a match that == would find`,
			],
			[
				4,
				`\t\tif (${test}) return ${i}; else break;`,
				belief`break moves on to the next item`,
			],
			[
				3,
				`\tfor (let ${i} = 0; ${i} <= ${ws}.length; ${i}++) {`,
				belief`the loop stops one item too early`,
			],
			[
				4,
				`\t\tif (${ws}[${i}] !== ${x}) return -1;`,
				belief`the else branch only has to become an if of its own`,
			],
			[
				4,
				`\t\tif (${test}) break;`,
				belief`break hands back the index where the loop stopped`,
			],
			[
				6,
				`\treturn ${ws}.length - 1;`,
				belief`the -1 at the end is what the function returns too early`,
			],
		],
		reference: `function position(${ws}, ${x}) {\n\treturn ${ws}.indexOf(${x});\n}`,
		explain: (f) =>
			`return ends the function at once, so the else branch returns -1 as soon as ${ws}[0] is not ${x}, and the loop never reaches ${ws}[1]. ` +
			`Returning -1 only after the loop has checked all the ${ws} gives ${f.expected} for ${f.call}.`,
	};
}

function buildShadowed(p: Params): Built {
	const s = p.shadowed;
	const { list, item } = p.numbers;
	const step = s.step.replaceAll("value", item);
	return {
		lines: [
			`// ${s.intent.replace("values", list)}`,
			`function ${s.fn}(${list}) {`,
			`\tlet ${s.acc} = ${s.start};`,
			`\tfor (const ${item} of ${list}) {`,
			`\t\tlet ${s.acc} = ${step};`,
			"\t}",
			`\treturn ${s.acc};`,
			"}",
		],
		fix: [5, `\t\t${s.acc} = ${step};`],
		wrong: [
			[
				5,
				`\t\tlet ${s.acc} = ${step.replace(s.acc, s.start)};`,
				belief`declaring ${s.acc} again in the loop updates the ${s.acc} outside it`,
			],
			[
				5,
				`\t\tconst ${s.acc} = ${step};`,
				belief`const, unlike let, can read the outer ${s.acc} while it is declared`,
			],
			[
				3,
				`\tvar ${s.acc} = ${s.start};`,
				belief`the outer ${s.acc} must be a var for the loop to see it`,
			],
			[
				5,
				`\t\tlet next = ${step};`,
				belief`the new value only needs a name of its own`,
			],
			[
				5,
				`\t\t${s.acc} = ${step.replace(`${s.acc} ${s.op} `, "")};`,
				belief`the loop combines each value with ${s.acc} by itself`,
			],
			[
				4,
				`\tfor (let ${item} of ${list}) {`,
				belief`a const loop variable stops the loop from updating ${s.acc}`,
			],
		],
		reference: `function ${s.fn}(${list}) {\n\treturn ${s.reference.replaceAll("values", list)};\n}`,
		explain: (f) =>
			`let inside the loop declares a new ${s.acc} for the loop body, which hides the outer one; its own initializer reads that new ${s.acc} before it has a value, so ${f.call} ${f.actual}. ` +
			`Assigning to the outer ${s.acc} (no let) carries the running value from one pass to the next, and ${f.call} returns ${f.expected}.`,
	};
}

function buildEarlyReturn(p: Params): Built {
	const { words: ws, limitName: lim } = p;
	const w = ws.slice(0, -1);
	if (p.mode === "every")
		return {
			lines: [
				`// Returns true when each of the ${ws} is shorter than ${lim} letters.`,
				`function allShort(${ws}, ${lim}) {`,
				`\tfor (const ${w} of ${ws}) {`,
				`\t\treturn ${w}.length < ${lim};`,
				"\t}",
				"\treturn true;",
				"}",
			],
			fix: [4, `\t\tif (${w}.length >= ${lim}) return false;`],
			wrong: [
				[
					4,
					`\t\tif (${w}.length < ${lim}) return true;`,
					belief`one short ${w} is enough to answer true`,
				],
				[
					4,
					`\t\tif (${w}.length > ${lim}) return false;`,
					belief`a ${w} of exactly ${lim} letters is still shorter than ${lim}`,
				],
				[
					4,
					`\t\tif (${w}.length >= ${lim}) break;`,
					belief`break leaves the function with false`,
				],
				[
					4,
					`\t\tif (!${w}.length < ${lim}) return false;`,
					belief`a ! in front turns the whole comparison around`,
				],
				[
					4,
					`\t\tif (${w}.length >= ${lim}) return false; else return true;`,
					belief`the loop needs an else that answers true for a short ${w}`,
				],
				[
					6,
					"\treturn false;",
					belief`the function ends with the wrong value after the loop`,
				],
			],
			reference: `function allShort(${ws}, ${lim}) {\n\treturn ${ws}.every((x) => x.length < ${lim});\n}`,
			explain: (f) =>
				`return ends the function during the first pass, so only the first ${w} is ever checked. ` +
				`The loop may stop early only when a ${w} is too long; otherwise all the ${ws} must be checked before returning true. So ${f.call} returns ${f.expected}.`,
		};
	const { list, item } = p.numbers;
	return {
		lines: [
			`// Returns true when at least one of the ${list} is negative.`,
			`function hasNegative(${list}) {`,
			`\tfor (const ${item} of ${list}) {`,
			`\t\treturn ${item} < 0;`,
			"\t}",
			"\treturn false;",
			"}",
		],
		fix: [4, `\t\tif (${item} < 0) return true;`],
		wrong: [
			[
				4,
				`\t\tif (${item} >= 0) return false;`,
				belief`one ${item} that is not negative is enough to answer false`,
			],
			[4, `\t\tif (${item} <= 0) return true;`, belief`0 is a negative number`],
			[
				4,
				`\t\tif (${item} < 0) break;`,
				belief`break leaves the function with true`,
			],
			[
				6,
				"\treturn true;",
				belief`the function ends with the wrong value after the loop`,
			],
			[
				4,
				`\t\tif (${item} >= 0) continue;`,
				belief`continue returns false for that ${item} and the loop goes on for the others`,
			],
		],
		reference: `function hasNegative(${list}) {\n\treturn ${list}.some((x) => x < 0);\n}`,
		explain: (f) =>
			`return ends the function during the first pass, so only the first ${item} is ever checked. ` +
			`The loop may stop early only when it finds a negative ${item}; otherwise it must check all the ${list} before returning false. So ${f.call} returns ${f.expected}.`,
	};
}

function buildGrid(p: Params): Built {
	const { gridName: g, acc: t } = p;
	const [r, c] = p.gridIndexes;
	return {
		lines: [
			`// Returns the sum of every number in ${g}, an array of rows.`,
			`function gridSum(${g}) {`,
			`\tlet ${t} = 0;`,
			`\tfor (let ${r} = 0; ${r} < ${g}.length; ${r}++) {`,
			`\t\tfor (let ${c} = 0; ${c} < ${g}.length; ${c}++) {`,
			`\t\t\t${t} += ${g}[${r}][${c}];`,
			"\t\t}",
			"\t}",
			`\treturn ${t};`,
			"}",
		],
		fix: [5, `\t\tfor (let ${c} = 0; ${c} < ${g}[${r}].length; ${c}++) {`],
		wrong: [
			[
				5,
				`\t\tfor (let ${c} = 0; ${c} <= ${g}.length; ${c}++) {`,
				belief`the inner loop stops one column too early`,
			],
			[
				5,
				`\t\tfor (let ${c} = 0; ${c} < ${g}[0].length; ${c}++) {`,
				belief`every row is as long as the first`,
			],
			[
				4,
				`\tfor (let ${r} = 0; ${r} < ${g}[0].length; ${r}++) {`,
				belief`the outer loop should count the columns`,
			],
			[
				6,
				`\t\t\t${t} += ${g}[${c}][${r}];`,
				belief`the row index comes second`,
			],
			[
				5,
				`\t\tfor (let ${c} = 1; ${c} < ${g}[${r}].length; ${c}++) {`,
				belief`the columns of a row are counted from 1`,
			],
			[
				5,
				`\t\tfor (let ${c} = 0; ${c} < ${g}[${r}].length - 1; ${c}++) {`,
				belief`the last index is the length minus 1, so the loop must stop before it`,
			],
		],
		reference: `function gridSum(${g}) {\n\treturn ${g}.flat().reduce((a, b) => a + b, 0);\n}`,
		explain: (f) =>
			`The inner loop walks along one row, so its bound is that row's length, ${g}[${r}].length. ${g}.length is the number of rows: ` +
			`in ${f.call} it cuts a row short, which gives ${f.actual} instead of ${f.expected}.`,
	};
}

function buildExtreme(p: Params): Built {
	const { list, item } = p.numbers;
	const { best: b, index: i } = p;
	const max = p.want === "max";
	const fn = max ? "largest" : "smallest";
	const cmp = max ? ">" : "<";
	const inf = max ? "-Infinity" : "Infinity";
	const fixStart = p.fixStart === "first" ? `${list}[0]` : inf;
	const x = p.indexLoop ? `${list}[${i}]` : item;
	const body = (op: string) => `\t\tif (${x} ${op} ${b}) ${b} = ${x};`;
	return {
		lines: [
			`// Returns the ${fn} of the ${list} (there is always at least one).`,
			`function ${fn}(${list}) {`,
			`\tlet ${b} = 0;`,
			p.indexLoop
				? `\tfor (let ${i} = 0; ${i} < ${list}.length; ${i}++) {`
				: `\tfor (const ${item} of ${list}) {`,
			body(cmp),
			"\t}",
			`\treturn ${b};`,
			"}",
		],
		fix: [3, `\tlet ${b} = ${fixStart};`],
		wrong: [
			[
				3,
				`\tlet ${b} = null;`,
				belief`null is ${max ? "smaller" : "larger"} than any number`,
			],
			[
				3,
				`\tlet ${b} = ${max ? "-1" : "1"};`,
				belief`${max ? "-1 is below" : "1 is above"} every number the ${list} will hold`,
			],
			[3, `\tlet ${b} = ${list}[1];`, belief`the first ${item} is at index 1`],
			[
				5,
				body(`${cmp}=`),
				belief`the comparison misses a ${item} equal to ${b}`,
			],
			[
				3,
				`\tlet ${b} = ${max ? "Infinity" : "-Infinity"};`,
				belief`${b} must start as far as possible from 0`,
			],
			[
				3,
				`\tlet ${b} = Number.MIN_VALUE;`,
				belief`Number.MIN_VALUE is the most negative number`,
			],
		],
		reference: `function ${fn}(${list}) {\n\treturn ${list}.reduce((a, b) => Math.${p.want}(a, b));\n}`,
		explain: (f) =>
			`${b} starts at 0, and in ${f.call} no ${item} is ${max ? "above" : "below"} 0, so ${b} never changes and the function returns ${f.actual}. ` +
			`Starting from ${p.fixStart === "first" ? `the first ${item}` : inf} means the first ${item} always replaces or is ${b}, so ${f.call} returns ${f.expected}.`,
	};
}

function buildRunning(p: Params): Built {
	const { list, item } = p.numbers;
	const { best: b, out } = p;
	const max = p.want === "max";
	const m = `Math.${p.want}`;
	const fn = max ? "runningMax" : "runningMin";
	return {
		lines: [
			`// Returns, for each position, the ${max ? "largest" : "smallest"} of the ${list} up to it.`,
			`function ${fn}(${list}) {`,
			`\tconst ${out} = [];`,
			`\tlet ${b} = 0;`,
			`\tfor (const ${item} of ${list}) {`,
			`\t\t${b} = ${m}(${b}, ${item});`,
			`\t\t${out}.push(${b});`,
			"\t}",
			`\treturn ${out};`,
			"}",
		],
		fix: [4, `\tlet ${b} = ${max ? "-Infinity" : "Infinity"};`],
		wrong: [
			[
				4,
				`\tlet ${b} = null;`,
				belief`${m} skips a null the way it skips nothing`,
			],
			[4, `\tlet ${b};`, belief`${m} ignores a variable that has no value yet`],
			max
				? [
						4,
						`\tlet ${b} = Number.MIN_VALUE;`,
						belief`Number.MIN_VALUE is the most negative number`,
					]
				: [
						4,
						`\tlet ${b} = Number.MIN_VALUE;`,
						belief`a running minimum starts from Number.MIN_VALUE`,
					],
			[
				4,
				`\tlet ${b} = ${max ? "-1" : "1"};`,
				belief`${max ? "-1 is below" : "1 is above"} every number the ${list} will hold`,
			],
			[
				6,
				`\t\t${b} = ${m}(${item});`,
				belief`${m}(${item}) compares ${item} with the ${list} before it`,
			],
			[
				7,
				`\t\t${out}.push(${item});`,
				belief`${item} already holds the ${max ? "largest" : "smallest"} value so far`,
			],
		],
		reference: `function ${fn}(${list}) {\n\treturn ${list}.map((_, i) => ${m}(...${list}.slice(0, i + 1)));\n}`,
		explain: (f) =>
			`${b} starts at 0, and ${m}(0, ${item}) is 0 for every ${item} in ${f.call}, which are all ${max ? "below" : "above"} 0: the function returns ${f.actual}. ` +
			`Starting from ${max ? "-Infinity" : "Infinity"}, the first ${item} always becomes ${b}, so ${f.call} returns ${f.expected}.`,
	};
}

function buildReduceStart(p: Params): Built {
	const { list } = p.numbers;
	const [a, b] = p.pair;
	const max = p.want === "max";
	const m = `Math.${p.want}`;
	const fn = max
		? p.above
			? "highest"
			: "maxOf"
		: p.above
			? "lowest"
			: "minOf";
	const line = (start: string) =>
		`\treturn ${list}.reduce((${a}, ${b}) => ${m}(${a}, ${b})${start});`;
	return {
		lines: [
			`// Returns the ${max ? "largest" : "smallest"} of the ${list}, or null when there are none.`,
			`function ${fn}(${list}) {`,
			`\tif (${list}.length === 0) return null;`,
			line(", 0"),
			"}",
		],
		fix: [4, line("")],
		wrong: [
			[4, line(", null"), belief`${m} skips a null start value`],
			[
				4,
				`\treturn ${list}.reduce(${m});`,
				belief`${m} can be handed to reduce as it is`,
			],
			[
				4,
				line(", undefined"),
				belief`passing undefined is the same as passing no start value`,
			],
			[
				3,
				`\tif (${list}.length === 0) return 0;`,
				belief`the empty case is what goes wrong`,
			],
			[
				4,
				`\treturn ${list}.reduce((${a}, ${b}) => (${a} ${max ? ">" : "<"} ${b} ? ${a} : ${b}), 0);`,
				belief`${m} is the problem, not the start value`,
			],
			[4, `\treturn ${m}(${list});`, belief`${m} takes an array of numbers`],
		],
		reference: `function ${fn}(${list}) {\n\treturn ${list}.length ? ${m}(...${list}) : null;\n}`,
		explain: (f) =>
			`The start value 0 takes part in every comparison, and in ${f.call} all the ${list} are ${max ? "below" : "above"} 0, so 0 wins: ${f.actual}. ` +
			`Without a start value reduce begins with the first of the ${list}, which is safe here because the empty case returned earlier; ${f.call} returns ${f.expected}.`,
	};
}

function build(p: Params): Built {
	switch (p.variant) {
		case "field":
			return buildField(p);
		case "skipFirst":
			return buildSkipFirst(p);
		case "noStart":
			return buildNoStart(p);
		case "elseReturn":
			return buildElseReturn(p);
		case "shadowed":
			return buildShadowed(p);
		case "earlyReturn":
			return buildEarlyReturn(p);
		case "grid":
			return buildGrid(p);
		case "extreme":
			return buildExtreme(p);
		case "running":
			return buildRunning(p);
		case "reduceStart":
			return buildReduceStart(p);
	}
}

export const loopAccumulatorBugs = defineFamily<Params>({
	id: "javascript/loop-accumulator-bugs",
	idea: "js.loop-accumulators",
	language: "javascript",
	kind: "fix-the-bug",
	difficulty: ["easy", "medium", "hard"],
	title: "Loop bounds and accumulators",
	topics: [
		"loops",
		"accumulators",
		"off-by-one",
		"reduce",
		"debugging",
		"arrays",
	],
	params: draw,
	build: (p): FixTheBug => {
		const built = build(p);
		const fnName = itemAt(/function (\w+)/.exec(built.lines[1] ?? "") ?? [], 1);
		return fixFromLines(
			built,
			p.inputs.map((args) => `${fnName}(${args.map(jsLiteral).join(", ")})`),
		);
	},
});
