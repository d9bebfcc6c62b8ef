import type { Difficulty } from "@app/contract";
import type { Rng } from "../../rng.js";
import { type Belief, belief } from "../belief.js";
import { BLANK, defineFamily, type FillIn } from "../family.js";
import { itemAt } from "../item-at.js";
import { allOf, counted, listed, noun } from "../prose.js";

/** Lists of numbers, named by what they hold. */
const NUMBER_LISTS = [
	{ list: "scores", item: "score" },
	{ list: "prices", item: "price" },
	{ list: "ages", item: "age" },
	{ list: "temps", item: "temp" },
	{ list: "sizes", item: "size" },
	{ list: "weights", item: "weight" },
	{ list: "laps", item: "lap" },
	{ list: "votes", item: "vote" },
] as const;

/** Lists of records: a text field, a number field and the words for them. */
const RECORDS = [
	{
		list: "users",
		item: "user",
		key: "login",
		num: "age",
		keys: ["ada", "bo", "cy", "dee", "eli", "fay"],
		range: [12, 60],
	},
	{
		list: "books",
		item: "book",
		key: "title",
		num: "pages",
		keys: ["Dune", "Emma", "Ulysses", "Beloved", "Hamlet", "Kindred"],
		range: [90, 400],
	},
	{
		list: "products",
		item: "product",
		key: "label",
		num: "price",
		keys: ["pen", "mug", "lamp", "desk", "sofa", "rug"],
		range: [3, 80],
	},
	{
		list: "teams",
		item: "team",
		key: "city",
		num: "wins",
		keys: ["Oslo", "Lima", "Pune", "Kyiv", "Rome", "Doha"],
		range: [2, 30],
	},
	{
		list: "tasks",
		item: "task",
		key: "title",
		num: "hours",
		keys: ["plan", "build", "test", "ship", "fix", "review"],
		range: [1, 16],
	},
] as const;

type NumberList = (typeof NUMBER_LISTS)[number];
type Records = (typeof RECORDS)[number];
interface Row {
	key: string;
	num: number;
}

const TESTS = ["above", "below", "even", "atLeast"] as const;
type Test = (typeof TESTS)[number];
const METHODS = [
	"filter",
	"find",
	"findIndex",
	"some",
	"every",
	"map",
] as const;
type Method = (typeof METHODS)[number];

/** easy: the method's name is the blank, over a list of numbers and one test */
interface MethodParams {
	shape: "method";
	names: NumberList;
	values: number[];
	test: Test;
	threshold: number;
	method: Method;
}

/** medium: the callback of map, filter or reduce over records, or find/filter before a property read */
interface RecordParams {
	shape: "pluck" | "keep" | "total" | "then";
	names: Records;
	rows: Row[];
	threshold: number;
	/** "then": which method the read after the blank needs */
	method: "find" | "filter";
}

/** hard: a method after a filter that may leave nothing (every on [] is true) */
interface AfterFilterParams {
	shape: "afterFilter";
	names: Records;
	rows: (Row & { done: boolean })[];
	threshold: number;
	method: "every" | "some" | "find" | "findIndex" | "filter";
}

const DEDUPES = ["first", "last", "singles", "repeats", "later"] as const;
type Dedupe = (typeof DEDUPES)[number];

/** hard: a filter whose callback uses the index to drop or keep repeats */
interface DedupeParams {
	shape: "dedupe";
	list: string;
	item: string;
	words: string[];
	keep: Dedupe;
}

/** hard: reduce to the largest or smallest, where a start value of 0 is wrong */
interface ExtremeParams {
	shape: "extreme";
	names: NumberList;
	values: number[];
	want: "max" | "min";
}

type Params =
	| MethodParams
	| RecordParams
	| AfterFilterParams
	| DedupeParams
	| ExtremeParams;

const passes = (test: Test, threshold: number, n: number) =>
	({
		above: n > threshold,
		below: n < threshold,
		even: n % 2 === 0,
		atLeast: n >= threshold,
	})[test];

const testSource = (test: Test, threshold: number, v: string) =>
	({
		above: `${v} > ${threshold}`,
		below: `${v} < ${threshold}`,
		even: `${v} % 2 === 0`,
		atLeast: `${v} >= ${threshold}`,
	})[test];

function drawMethod(rng: Rng): MethodParams {
	for (;;) {
		const test = rng.pick(TESTS);
		const values = rng
			.sample(
				Array.from({ length: 29 }, (_, i) => i + 2),
				rng.int(4, 6),
			)
			.map((n) => n);
		const threshold = rng.int(6, 24);
		const pass = values.map((n) => passes(test, threshold, n));
		const first = pass.indexOf(true);
		// some pass and some fail, so that some and every differ, and find's item is not its index
		if (first < 0 || !pass.includes(false)) continue;
		if (itemAt(values, first) === first) continue;
		return {
			shape: "method",
			names: rng.pick(NUMBER_LISTS),
			values,
			test,
			threshold,
			method: rng.pick(METHODS),
		};
	}
}

function drawRows(rng: Rng, names: Records, count: number): Row[] {
	const [low, high] = names.range;
	const keys = rng.sample(names.keys, count);
	const nums = rng.sample(
		Array.from({ length: high - low + 1 }, (_, i) => low + i),
		count,
	);
	return keys.map((key, i) => ({ key, num: itemAt(nums, i) }));
}

function drawRecords(rng: Rng): RecordParams {
	const shape = rng.pick(["pluck", "keep", "total", "then"] as const);
	const names = rng.pick(RECORDS);
	for (;;) {
		const rows = drawRows(rng, names, rng.int(3, 4));
		// the threshold is one row's value, so >= and > keep different rows
		const threshold = rng.pick(rows).num;
		const kept = rows.filter((r) => r.num >= threshold).length;
		if (kept === 0 || kept === rows.length) continue;
		return {
			shape,
			names,
			rows,
			threshold,
			method: rng.pick(["find", "filter"] as const),
		};
	}
}

function drawAfterFilter(rng: Rng): AfterFilterParams {
	const names = rng.pick(RECORDS);
	for (;;) {
		const rows = drawRows(rng, names, rng.int(3, 5)).map((r) => ({
			...r,
			done: rng.bool(),
		}));
		const nums = rows.map((r) => r.num);
		const empty = rng.bool();
		// nothing passes when the threshold is the largest value: every() on [] is true
		const threshold = empty
			? Math.max(...nums)
			: itemAt(
					[...nums].sort((a, b) => a - b),
					rng.int(0, nums.length - 3),
				);
		const kept = rows.filter((r) => r.num > threshold);
		if (!empty && kept.every((r) => r.done === kept[0]?.done)) continue;
		return {
			shape: "afterFilter",
			names,
			rows,
			threshold,
			method: rng.pick(
				empty
					? (["every", "every", "some", "find", "findIndex"] as const)
					: (["every", "some", "find", "findIndex"] as const),
			),
		};
	}
}

const DEDUPE_LISTS = [
	{
		list: "tags",
		item: "tag",
		words: ["red", "blue", "green", "gold", "pink", "gray"],
	},
	{
		list: "guests",
		item: "guest",
		words: ["ana", "ben", "chen", "dara", "eve", "femi"],
	},
	{
		list: "clicks",
		item: "page",
		words: ["home", "cart", "help", "blog", "faq", "shop"],
	},
	{
		list: "moves",
		item: "move",
		words: ["up", "down", "left", "right", "jump", "wait"],
	},
] as const;

/** What each dedupe filter keeps. */
function dedupe(words: readonly string[], keep: Dedupe | "swapped") {
	return words.filter((w, i) => {
		const first = words.indexOf(w);
		const last = words.lastIndexOf(w);
		return {
			first: first === i,
			last: last === i,
			singles: first === last,
			repeats: first !== last,
			later: first !== i,
			swapped: false,
		}[keep];
	});
}

function drawDedupe(rng: Rng): DedupeParams {
	const source = rng.pick(DEDUPE_LISTS);
	for (;;) {
		const pool = rng.sample(source.words, rng.int(3, 4));
		const words = rng.shuffle([...pool, ...rng.sample(pool, rng.int(1, 2))]);
		const results = DEDUPES.map((keep) => dedupe(words, keep).join());
		// every filter keeps something different, and none keeps nothing
		if (new Set(results).size < DEDUPES.length || results.includes(""))
			continue;
		if (words.length > 6) continue;
		return {
			shape: "dedupe",
			list: source.list,
			item: source.item,
			words,
			keep: rng.pick(DEDUPES),
		};
	}
}

function drawExtreme(rng: Rng): ExtremeParams {
	const want = rng.pick(["max", "min"] as const);
	const count = rng.int(3, 5);
	const pool = Array.from({ length: 24 }, (_, i) => i + 1);
	// the largest of negatives, or the smallest of positives: a start value of 0 wins instead
	const values = rng
		.sample(pool, count)
		.map((n) => (want === "max" ? -n : n + 1));
	return { shape: "extreme", names: rng.pick(NUMBER_LISTS), values, want };
}

function draw(rng: Rng, difficulty: Difficulty): Params {
	if (difficulty === "easy") return drawMethod(rng);
	if (difficulty === "medium") return drawRecords(rng);
	const shape = rng.pick(["afterFilter", "dedupe", "extreme"] as const);
	if (shape === "afterFilter") return drawAfterFilter(rng);
	if (shape === "dedupe") return drawDedupe(rng);
	return drawExtreme(rng);
}

type Option = FillIn["wrong"][number];

/** What a method returns, as a learner picking it for this output would believe. */
const RETURNS: Record<Method, string> = {
	filter: "a new array of every item that passes the test",
	find: "the first item that passes the test",
	findIndex: "the index of the first item that passes the test",
	some: "true when at least one item passes the test",
	every: "false as soon as one item fails the test",
	map: "an array of the test's result for each item",
};

function buildMethod(p: MethodParams): FillIn {
	const { list, item } = p.names;
	const test = testSource(p.test, p.threshold, item);
	const code = [
		`const ${list} = [${p.values.join(", ")}];`,
		`const result = ${list}.${BLANK}((${item}) => ${test});`,
		"console.log(result);",
		"",
	].join("\n");
	const others: Method[] = METHODS.filter((m) => m !== p.method);
	const wrong: Option[] = others.map((m) => ({
		option: m,
		misconception: belief`${m} returns ${RETURNS[p.method]}`,
	}));
	wrong.push({
		option: "forEach",
		misconception: belief`forEach returns ${RETURNS[p.method]}`,
	});
	const passing = p.values.filter((n) => passes(p.test, p.threshold, n));
	const firstIndex = p.values.findIndex((n) => passes(p.test, p.threshold, n));
	const what: Record<Method, string> = {
		filter: `filter returns a new array of every ${item} for which ${test} is true: [${passing.join(", ")}]`,
		find: `find returns the first ${item} for which ${test} is true, ${itemAt(passing, 0)}, and stops there`,
		findIndex: `findIndex returns the index of the first ${item} for which ${test} is true: ${itemAt(passing, 0)} is at index ${firstIndex}`,
		some: `some returns true as soon as one ${item} passes ${test}, and ${itemAt(passing, 0)} does`,
		every: `every returns false as soon as one ${item} fails ${test}, and ${itemAt(
			p.values.filter((n) => !passes(p.test, p.threshold, n)),
			0,
		)} does`,
		map: `map returns a new array with the callback's result for each of ${allOf(p.values, item)}, here true or false`,
	};
	return {
		code,
		answer: p.method,
		wrong,
		explain: (output) =>
			`${what[p.method]}. So the program prints ${output}. ` +
			`Only ${p.method} gives that: filter and map build arrays, find gives an item, findIndex a position, some and every a boolean, and forEach always returns undefined.`,
	};
}

const rowsSource = (names: Records, rows: readonly Row[]) =>
	`const ${names.list} = [\n${rows
		.map((r) => `\t{ ${names.key}: "${r.key}", ${names.num}: ${r.num} },`)
		.join("\n")}\n];`;

function buildRecords(p: RecordParams): FillIn {
	const { list, item, key, num } = p.names;
	const v = item.slice(0, 1);
	const data = rowsSource(p.names, p.rows);
	const keys = p.rows.map((r) => `"${r.key}"`);
	const kept = p.rows.filter((r) => r.num >= p.threshold);
	const braces = belief`an arrow function with braces returns its last expression`;
	if (p.shape === "pluck")
		return {
			code: `${data}\nconst ${key}s = ${list}.map(${BLANK});\nconsole.log(${key}s);\n`,
			answer: `(${v}) => ${v}.${key}`,
			wrong: [
				{ option: `(${v}) => { ${v}.${key}; }`, misconception: braces },
				{
					option: `"${key}"`,
					misconception: belief`map can take the name of the property to read`,
				},
				{
					option: `${v}.${key}`,
					misconception: belief`the callback can be written as an expression about the item, without a parameter`,
				},
				{
					option: `(${v}) => ${list}.${key}`,
					misconception: belief`reading ${key} on the array reads it from each ${item}`,
				},
				{
					option: `(${v}) => { ${list}.${key}; }`,
					misconception: belief`reading ${key} on the array inside a block reads it from each ${item}`,
				},
			],
			explain: (output) =>
				`map calls the callback once per ${item} and collects what it returns. (${v}) => ${v}.${key} returns the ${key} of each ${item}, so the new array is [${keys.join(", ")}], and the program prints ${output}. ` +
				`With braces the arrow function needs a return statement, or it returns undefined.`,
		};
	if (p.shape === "keep") {
		const test = `${v}.${num} >= ${p.threshold}`;
		return {
			code: `${data}\nconst kept = ${list}.filter(${BLANK});\nconsole.log(kept.map((${v}) => ${v}.${key}));\n`,
			answer: `(${v}) => ${test}`,
			wrong: [
				{
					option: `(${v}) => ${v}.${num} > ${p.threshold}`,
					misconception: belief`> also keeps the ${item} whose ${num} is exactly ${p.threshold}`,
				},
				{
					option: `(${v}) => ${v}.${num} < ${p.threshold}`,
					misconception: belief`filter removes the items for which the callback returns true`,
				},
				{ option: `(${v}) => { ${test}; }`, misconception: braces },
				{
					option: `(${v}) => ${v}.${num} = ${p.threshold}`,
					misconception: belief`a single = compares two values`,
				},
				{
					option: test,
					misconception: belief`the callback can be written as a condition about the item, without a parameter`,
				},
			],
			explain: (output) =>
				`filter keeps each ${item} for which the callback returns true: ${
					kept.length === 1 ? "only " : ""
				}${listed(kept.map((r) => `"${r.key}" (${r.num})`))} ${agreeHave(kept)} ${num} >= ${p.threshold}. ` +
				`The ${item} with exactly ${p.threshold} counts, since >= includes it. So the program prints ${output}.`,
		};
	}
	if (p.shape === "total") {
		const sum = p.rows.reduce((s, r) => s + r.num, 0);
		return {
			code: `${data}\nconst total = ${list}.reduce(${BLANK}, 0);\nconsole.log(total);\n`,
			answer: `(sum, ${v}) => sum + ${v}.${num}`,
			wrong: [
				{
					option: `(${v}, sum) => sum + ${v}.${num}`,
					misconception: belief`reduce passes the item first and the running total second`,
				},
				{
					option: `(sum, ${v}) => { sum + ${v}.${num}; }`,
					misconception: braces,
				},
				{
					option: `(sum, ${v}) => ${v}.${num}`,
					misconception: belief`reduce adds up whatever the callback returns`,
				},
				{
					option: `(sum, ${v}) => { sum + ${v}; }`,
					misconception: belief`the callback only has to name the total and the ${item} to add them up`,
				},
				{
					option: `(sum, ${v}) => sum + ${v}`,
					misconception: belief`reduce hands the callback the ${num} of each ${item}`,
				},
			],
			explain: (output) =>
				`reduce calls the callback with the running total first and the ${item} second, starting from 0; each call returns the new total. ` +
				`${p.rows.map((r) => r.num).join(" + ")} = ${sum}, so the program prints ${output}.`,
		};
	}
	// "then": the property read after the blank tells which method fits
	const read = p.method === "find" ? `.${key}` : ".length";
	const test = `${v}.${num} >= ${p.threshold}`;
	const firstKept = itemAt(kept, 0);
	const methods = ["find", "filter", "map", "some", "findIndex", "every"];
	return {
		code: `${data}\nconst result = ${list}.${BLANK}((${v}) => ${test})${read};\nconsole.log(result);\n`,
		answer: p.method,
		wrong: methods
			.filter((m) => m !== p.method)
			.map((m) => ({
				option: m,
				misconception:
					p.method === "find"
						? belief`${m} returns the first ${item} with ${test}, whose ${key} can be read`
						: belief`${m} returns an array of the ${list} with ${test}`,
			})),
		explain: (output) =>
			p.method === "find"
				? `find returns the first ${item} for which ${test}, the one with ${key} "${firstKept.key}", so reading .${key} on it prints ${output}. ` +
					"filter and map return arrays, some and every a boolean and findIndex a number: none of them has that property, so they print undefined."
				: `filter returns a new array of the ${list} with ${test}; ${counted(kept, item)} ${agreeHave(kept)} it, so .length is ${kept.length} and the program prints ${output}. ` +
					`map keeps every ${item} (length ${p.rows.length}), and find, some, findIndex and every do not return arrays.`,
	};
}

const agreeHave = (items: readonly unknown[]) =>
	items.length === 1 ? "has" : "have";

function buildAfterFilter(p: AfterFilterParams): FillIn {
	const { list, item, key, num } = p.names;
	const v = item.slice(0, 1);
	const data = `const ${list} = [\n${p.rows
		.map(
			(r) =>
				`\t{ ${key}: "${r.key}", ${num}: ${r.num}, done: ${String(r.done)} },`,
		)
		.join("\n")}\n];`;
	const kept = p.rows.filter((r) => r.num > p.threshold);
	const code = [
		data,
		`const big = ${list}.filter((${v}) => ${v}.${num} > ${p.threshold});`,
		`console.log(big.${BLANK}((${v}) => ${v}.done));`,
		"",
	].join("\n");
	const methods = ["every", "some", "find", "findIndex", "filter", "includes"];
	const beliefs: Record<string, Belief> = {
		every: belief`every is false when the array has nothing to check`,
		some: belief`some is true when no item fails the test`,
		find: belief`find returns the first item that passes the test, or true when all pass`,
		findIndex: belief`findIndex tells whether an item passes the test`,
		filter: belief`filter returns a boolean saying whether items passed`,
		includes: belief`includes takes a test function like some does`,
	};
	const doneKept = kept.filter((r) => r.done);
	const firstDone = doneKept[0];
	const summary =
		kept.length === 0
			? `No ${item} has ${num} > ${p.threshold}, so big is an empty array. `
			: `big holds ${listed(kept.map((r) => `"${r.key}"`))}, the ${noun(kept, item)} with ${num} > ${p.threshold}; ${
					doneKept.length === 0
						? "none of them is done"
						: `${listed(doneKept.map((r) => `"${r.key}"`))} ${doneKept.length === 1 ? "is" : "are"} done`
				}. `;
	const why: Record<AfterFilterParams["method"], string> = {
		every:
			kept.length === 0
				? "every on an empty array returns true: there is no item that fails the test."
				: `every returns ${String(doneKept.length === kept.length)}, since ${doneKept.length === kept.length ? "all of them are done" : "at least one of them is not done"}.`,
		some:
			kept.length === 0
				? "some on an empty array returns false: there is no item that passes the test."
				: `some returns ${String(doneKept.length > 0)}, since ${doneKept.length > 0 ? "at least one of them is done" : "none of them is done"}.`,
		find: firstDone
			? `find returns the first done ${item} among them, the whole object.`
			: "find returns undefined when no item passes the test.",
		findIndex: firstDone
			? `findIndex returns the position of the first done ${item} in big, ${kept.indexOf(firstDone)}.`
			: "findIndex returns -1 when no item passes the test.",
		filter: `filter returns a new array of the done ones${doneKept.length === 0 ? ", which is empty" : ""}.`,
	};
	return {
		code,
		answer: p.method,
		wrong: methods
			.filter((m) => m !== p.method)
			.map((m) => ({ option: m, misconception: itemAtKey(beliefs, m) })),
		explain: (output) =>
			`${summary}${why[p.method]} So the program prints ${output}.`,
	};
}

const itemAtKey = <T>(table: Record<string, T>, key: string): T => {
	const value = table[key];
	if (value === undefined) throw new RangeError(`no entry ${key}`);
	return value;
};

function buildDedupe(p: DedupeParams): FillIn {
	const { list, item } = p;
	const t = item.slice(0, 1);
	const source: Record<Dedupe | "swapped", string> = {
		first: `(${t}, i) => ${list}.indexOf(${t}) === i`,
		last: `(${t}, i) => ${list}.lastIndexOf(${t}) === i`,
		singles: `(${t}) => ${list}.indexOf(${t}) === ${list}.lastIndexOf(${t})`,
		repeats: `(${t}) => ${list}.indexOf(${t}) !== ${list}.lastIndexOf(${t})`,
		later: `(${t}, i) => ${list}.indexOf(${t}) !== i`,
		swapped: `(i, ${t}) => ${list}.indexOf(${t}) === i`,
	};
	const keeps: Record<Dedupe, string> = {
		first: `each ${item} once, where it first appears`,
		last: `each ${item} once, where it last appears`,
		singles: `only the ${item}s that appear once`,
		repeats: `every copy of the ${item}s that appear more than once`,
		later: `the copies after the first of each ${item}`,
	};
	const test = (keep: Dedupe | "swapped") =>
		itemAtKey(source, keep).replace(/^\([^)]*\) => /, "");
	const wrong: Option[] = DEDUPES.filter((k) => k !== p.keep).map((k) => ({
		option: itemAtKey(source, k),
		misconception: belief`${test(k)} keeps ${keeps[p.keep]}`,
	}));
	wrong.push({
		option: source.swapped,
		misconception: belief`filter passes the index first and the item second`,
	});
	const result = dedupe(p.words, p.keep);
	return {
		code: [
			`const ${list} = [${p.words.map((w) => `"${w}"`).join(", ")}];`,
			`const picked = ${list}.filter(${BLANK});`,
			"console.log(picked);",
			"",
		].join("\n"),
		answer: itemAtKey(source, p.keep),
		wrong,
		explain: (output) =>
			`indexOf finds the first position of a value and lastIndexOf the last, while filter passes each ${item} with its own index i. ` +
			`${test(p.keep)} keeps ${keeps[p.keep]}: ${listed(result.map((w) => `"${w}"`))}, in their order in ${list}. So the program prints ${output}.`,
	};
}

function buildExtreme(p: ExtremeParams): FillIn {
	const { list } = p.names;
	const f = p.want === "max" ? "Math.max" : "Math.min";
	const other = p.want === "max" ? "Math.min" : "Math.max";
	const target =
		p.want === "max" ? Math.max(...p.values) : Math.min(...p.values);
	const cmp = p.want === "max" ? ">" : "<";
	const label = p.want === "max" ? "largest" : "smallest";
	return {
		code: [
			`const ${list} = [${p.values.join(", ")}];`,
			`const ${p.want === "max" ? "top" : "low"} = ${list}.reduce(${BLANK});`,
			`console.log(${p.want === "max" ? "top" : "low"});`,
			"",
		].join("\n"),
		answer: `(a, b) => ${f}(a, b)`,
		wrong: [
			{
				option: `(a, b) => ${f}(a, b), 0`,
				misconception: belief`0 is a safe start value when looking for the ${label} number`,
			},
			{
				option: `(a, b) => (a ${cmp} b ? a : b), 0`,
				misconception: belief`a start value of 0 is never ${p.want === "max" ? "larger" : "smaller"} than the numbers in ${list}`,
			},
			{
				option: f,
				misconception: belief`${f} can be passed to reduce as it is, since it takes two numbers`,
			},
			{
				option: `(a, b) => a ${cmp} b`,
				misconception: belief`the callback only has to compare the two values`,
			},
			{
				option: `(a, b) => ${other}(a, b)`,
				misconception: belief`${other} keeps the ${label} of the two numbers`,
			},
		],
		explain: (output) =>
			`Without a start value reduce begins with the first number, ${itemAt(p.values, 0)}, and each call keeps the ${label} of the two, so it ends with ${target}. ` +
			`A start value of 0 would win against ${allOf(p.values, "number")} here, and passing ${f} directly also hands it the index and the array, which gives NaN. So the program prints ${output}.`,
	};
}

export const arrayMethodChoice = defineFamily<Params>({
	id: "javascript/array-method-choice",
	idea: "js.array-methods",
	language: "javascript",
	kind: "fill-in",
	difficulty: ["easy", "medium", "hard"],
	title: "Choosing an array method",
	topics: [
		"arrays",
		"array methods",
		"filter",
		"find",
		"some",
		"every",
		"reduce",
		"callbacks",
		"higher-order functions",
	],
	params: draw,
	build: (p) => {
		switch (p.shape) {
			case "method":
				return buildMethod(p);
			case "afterFilter":
				return buildAfterFilter(p);
			case "dedupe":
				return buildDedupe(p);
			case "extreme":
				return buildExtreme(p);
			default:
				return buildRecords(p);
		}
	},
});
