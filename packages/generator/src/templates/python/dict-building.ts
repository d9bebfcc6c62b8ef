import type { Rng } from "../../rng.js";
import { type Belief, belief, bothBeliefs } from "../belief.js";
import { BLANK, defineFamily, type FillIn } from "../family.js";
import { itemAt } from "../item-at.js";
import { counted, listed } from "../prose.js";

type Wrong = FillIn["wrong"][number];
const wrong = (option: string, misconception: Belief): Wrong => ({
	option,
	misconception,
});

const SIDE_BY_SIDE = belief`dict pairs up two lists passed to it side by side`;
const COLUMNS = belief`a list of two lists is read as a column of keys and a column of values`;
const ENUMERATE_PAIRS = belief`enumerate pairs each item of its first list with the matching item of its second`;
const SWAPPED = belief`dict takes each key from the second list given to zip, and its value from the first`;
/** Added to a belief about how the lists are passed, when the lists are also given the other way round. */
const KEYS_SECOND = belief`the keys come from the second list`;
const COUNT_FROM_ONE = (n: number) =>
	belief`range(${n}) counts from 1 to ${n}, as a count of ${n} items would`;

// words of three letters or more: a two-letter string would unpack into a key and a value
const FRUITS = [
	"fig",
	"kiwi",
	"pear",
	"plum",
	"lime",
	"date",
	"mango",
	"lemon",
	"grape",
	"peach",
	"melon",
];
const NAMES = ["ann", "bob", "cyd", "dee", "eve", "fay", "gus", "hal", "ivy"];
const COLORS = [
	"red",
	"blue",
	"teal",
	"gold",
	"pink",
	"gray",
	"lime",
	"navy",
	"plum",
	"rose",
];
const CITIES = ["oslo", "rome", "lima", "kyiv", "bonn", "nice", "bern", "riga"];

/** Two parallel lists: names of things and a number for each. */
const PAIR_THEMES = [
	{ keys: "fruits", values: "prices", items: FRUITS, low: 1, high: 9 },
	{ keys: "names", values: "ages", items: NAMES, low: 18, high: 60 },
	{ keys: "cities", values: "codes", items: CITIES, low: 10, high: 99 },
	{ keys: "colors", values: "counts", items: COLORS, low: 0, high: 9 },
] as const;
type PairTheme = (typeof PAIR_THEMES)[number];

/** A dict of counts, the names its loop gives a key and a value, and what they hold. */
const DICT_THEMES = [
	{ dict: "stock", key: "fruit", value: "qty", items: FRUITS, low: 0, high: 9 },
	{ dict: "ages", key: "name", value: "age", items: NAMES, low: 11, high: 70 },
	{ dict: "votes", key: "city", value: "n", items: CITIES, low: 0, high: 30 },
	{
		dict: "sizes",
		key: "color",
		value: "size",
		items: COLORS,
		low: 1,
		high: 12,
	},
] as const;
type DictTheme = (typeof DICT_THEMES)[number];

/** A list to number, by the name of what it holds. */
const LIST_THEMES = [
	{ list: "colors", items: COLORS },
	{ list: "fruits", items: FRUITS },
	{ list: "players", items: NAMES },
	{ list: "stops", items: CITIES },
] as const;
type ListTheme = (typeof LIST_THEMES)[number];

/** A loop that groups words, and what it groups them by. */
const ANIMALS = [
	"ant",
	"bee",
	"cat",
	"owl",
	"bat",
	"eel",
	"yak",
	"crab",
	"bear",
	"wolf",
	"seal",
	"deer",
	"goat",
	"toad",
	"swan",
	"duck",
	"mouse",
	"otter",
	"camel",
	"eagle",
	"sheep",
	"tiger",
	"zebra",
];
const PEOPLE = [
	"ann",
	"amy",
	"ava",
	"bob",
	"ben",
	"bea",
	"cal",
	"cora",
	"dan",
	"dee",
	"eve",
	"eli",
	"fay",
	"finn",
	"gus",
	"gwen",
];
const GROUP_THEMES = [
	{
		dict: "groups",
		word: "word",
		plural: "words",
		words: ANIMALS,
		by: ["first", "last", "length"],
	},
	{
		dict: "zoo",
		word: "animal",
		plural: "animals",
		words: ANIMALS,
		by: ["first", "length"],
	},
	{
		dict: "by_letter",
		word: "name",
		plural: "names",
		words: PEOPLE,
		by: ["first", "last"],
	},
	{
		dict: "index",
		word: "city",
		plural: "cities",
		words: CITIES,
		by: ["first", "last"],
	},
	{
		dict: "shelves",
		word: "fruit",
		plural: "fruits",
		words: FRUITS,
		by: ["first", "length"],
	},
] as const;
type GroupTheme = (typeof GROUP_THEMES)[number];
/** What the words are grouped by: the code of the key, and the key of one word. */
const GROUP_KEYS = {
	first: { code: (w: string) => `${w}[0]`, what: "first letter" },
	last: { code: (w: string) => `${w}[-1]`, what: "last letter" },
	length: { code: (w: string) => `len(${w})`, what: "length" },
} as const;
type GroupKey = keyof typeof GROUP_KEYS;
const keyOf = (by: GroupKey, word: string): string | number =>
	by === "first"
		? word.slice(0, 1)
		: by === "last"
			? word.slice(-1)
			: word.length;

interface ZipParams {
	shape: "zip";
	theme: PairTheme;
	keys: string[];
	values: number[];
	/** the dict maps each number to its name, not each name to its number */
	inverted: boolean;
}
interface EnumerateParams {
	shape: "enumerate";
	theme: ListTheme;
	items: string[];
}
interface NumberingParams {
	shape: "numbering";
	theme: ListTheme;
	items: string[];
}
const BODIES = ["invert", "filter", "scale", "upper"] as const;
interface ItemsParams {
	shape: "items";
	theme: DictTheme;
	entries: { key: string; value: number }[];
	body: (typeof BODIES)[number];
	/** the threshold of the filter, or the factor of the scale */
	n: number;
}
interface GroupParams {
	shape: "group";
	theme: GroupTheme;
	by: GroupKey;
	words: string[];
}
/** Two parallel lists, numbered and zipped: what each holds and what one item is called. */
const UNPACK_THEMES = [
	{
		keys: "names",
		key: "name",
		values: "scores",
		value: "score",
		items: PEOPLE,
	},
	{
		keys: "cities",
		key: "city",
		values: "temps",
		value: "temp",
		items: CITIES,
	},
	{
		keys: "fruits",
		key: "fruit",
		values: "prices",
		value: "price",
		items: FRUITS,
	},
	{
		keys: "players",
		key: "player",
		values: "goals",
		value: "goal",
		items: NAMES,
	},
] as const;
interface UnpackParams {
	shape: "unpack";
	theme: (typeof UNPACK_THEMES)[number];
	keys: string[];
	values: number[];
	/** only pairs whose value is over this are kept */
	over: number;
	/** where enumerate starts counting */
	start: 0 | 1;
	/** the dict maps each count to its key, not each key to its count */
	countFirst: boolean;
}
type Params =
	| UnpackParams
	| ZipParams
	| EnumerateParams
	| NumberingParams
	| ItemsParams
	| GroupParams;

const strings = (items: readonly string[]) =>
	`[${items.map((s) => `"${s}"`).join(", ")}]`;
const numbers = (items: readonly number[]) => `[${items.join(", ")}]`;

function zipParams(rng: Rng): ZipParams {
	const theme = rng.pick(PAIR_THEMES);
	const size = rng.int(3, 4);
	const values: number[] = [];
	while (values.length < size) {
		const v = rng.int(theme.low, theme.high);
		if (!values.includes(v)) values.push(v);
	}
	return {
		shape: "zip",
		theme,
		keys: rng.sample(theme.items, size),
		values,
		inverted: rng.int(0, 2) === 0,
	};
}

const listParams = <S extends "enumerate" | "numbering">(
	rng: Rng,
	shape: S,
) => {
	const theme = rng.pick(LIST_THEMES);
	return { shape, theme, items: rng.sample(theme.items, rng.int(3, 4)) };
};

function itemsParams(rng: Rng): ItemsParams {
	const theme = rng.pick(DICT_THEMES);
	const size = rng.int(3, 4);
	const values: number[] = [];
	while (values.length < size) {
		const v = rng.int(theme.low, theme.high);
		if (!values.includes(v)) values.push(v);
	}
	const body = rng.pick(BODIES);
	const sorted = [...values].sort((a, b) => a - b);
	// the filter keeps some entries and drops others
	const n =
		body === "filter"
			? itemAt(sorted, rng.int(0, size - 2))
			: body === "scale"
				? rng.int(2, 3)
				: 0;
	return {
		shape: "items",
		theme,
		entries: rng
			.sample(theme.items, size)
			.map((key, i) => ({ key, value: itemAt(values, i) })),
		body,
		n,
	};
}

function groupParams(rng: Rng): GroupParams {
	const theme = rng.pick(GROUP_THEMES);
	const by = rng.pick(theme.by);
	for (let attempt = 0; attempt < 100; attempt++) {
		const words = rng.sample(theme.words, rng.int(5, 6));
		const keys = new Set(words.map((w) => keyOf(by, w)));
		// at least one key shared by two words (so first, last and all differ) and two keys in all
		if (keys.size >= 2 && keys.size < words.length)
			return { shape: "group", theme, by, words };
	}
	throw new Error(`no grouping of ${theme.dict} by ${by} found`);
}

/** The wrong ways of passing two lists to dict, and each the other way round where that is a second belief. */
function pairings(first: string, second: string): Wrong[] {
	const both = (first: Belief) => bothBeliefs(first, KEYS_SECOND);
	return [
		wrong(`zip(${second}, ${first})`, SWAPPED),
		wrong(
			`dict.fromkeys(${first}, ${second})`,
			belief`dict.fromkeys gives each key the matching item of the list of values`,
		),
		wrong(`${first}, ${second}`, SIDE_BY_SIDE),
		wrong(`[${first}, ${second}]`, COLUMNS),
		wrong(`enumerate(${first}, ${second})`, ENUMERATE_PAIRS),
		wrong(`${second}, ${first}`, both(SIDE_BY_SIDE)),
	];
}

function buildZip({ theme, keys, values, inverted }: ZipParams): FillIn {
	const [first, second] = inverted
		? [theme.values, theme.keys]
		: [theme.keys, theme.values];
	const code = `${theme.keys} = ${strings(keys)}\n${theme.values} = ${numbers(values)}\nprint(dict(${BLANK}))\n`;
	const pairs = keys.map((k, i) =>
		inverted
			? `(${itemAt(values, i)}, "${k}")`
			: `("${k}", ${itemAt(values, i)})`,
	);
	return {
		code,
		answer: `zip(${first}, ${second})`,
		wrong: pairings(first, second),
		explain: (output) =>
			`zip(${first}, ${second}) pairs the two lists item by item, ${listed(pairs)}, and dict makes the first item of each pair a key and the second its value. ` +
			`dict takes one iterable of pairs: two lists side by side, or a list holding both, are not pairs. It prints ${output}.`,
	};
}

function buildEnumerate({ theme, items }: EnumerateParams): FillIn {
	const { list } = theme;
	const n = items.length;
	const code = `${list} = ${strings(items)}\nprint(dict(${BLANK}))\n`;
	return {
		code,
		answer: `enumerate(${list}, 1)`,
		wrong: [
			wrong(`enumerate(${list})`, belief`enumerate counts from 1`),
			wrong(
				`enumerate(1, ${list})`,
				belief`enumerate takes the number to start from first, then the list`,
			),
			wrong(`zip(${list}, range(1, ${n + 1}))`, SWAPPED),
			wrong(
				`zip(range(1, ${n}), ${list})`,
				belief`the stop of a range is included, so range(1, ${n}) counts up to ${n}`,
			),
			wrong(`zip(range(${n}), ${list})`, COUNT_FROM_ONE(n)),
			wrong(
				`zip(${list}, range(${n}))`,
				bothBeliefs(COUNT_FROM_ONE(n), SWAPPED, ", and "),
			),
		],
		explain: (output) =>
			`enumerate(${list}, 1) gives each item with a count that starts at 1 (without a start it would start at 0): ` +
			`${listed(items.map((item, i) => `(${i + 1}, "${item}")`))}. dict makes the count of each pair the key and the item its value. It prints ${output}.`,
	};
}

function buildNumbering({ theme, items }: NumberingParams): FillIn {
	const { list } = theme;
	const n = items.length;
	const range = `range(1, ${n + 1})`;
	const code = `${list} = ${strings(items)}\nprint(dict(${BLANK}))\n`;
	const stop = belief`the stop of a range is included, so range(1, ${n}) counts up to ${n}`;
	return {
		code,
		answer: `zip(${list}, ${range})`,
		wrong: [
			wrong(
				`enumerate(${list}, 1)`,
				belief`enumerate gives each item first and its number second`,
			),
			wrong(`zip(${list}, range(${n}))`, COUNT_FROM_ONE(n)),
			wrong(`zip(${list}, range(1, ${n}))`, stop),
			wrong(`zip(${range}, ${list})`, SWAPPED),
			wrong(
				`zip(${list}, range(1, len(${list})))`,
				belief`the stop of a range is included, so range(1, len(${list})) counts up to the length`,
			),
			wrong(
				`zip(range(${n}), ${list})`,
				bothBeliefs(COUNT_FROM_ONE(n), SWAPPED, ", and "),
			),
		],
		explain: (output) =>
			`${range} counts from 1 up to ${n}: a range stops before its stop value. zip pairs the lists item by item, ${list} first, ` +
			`so dict makes each of the ${counted(n, "item")} a key, with its number as the value. It prints ${output}.`,
	};
}

function buildItems({ theme, entries, body, n }: ItemsParams): FillIn {
	const { dict, key: k, value: v } = theme;
	const comprehension = {
		invert: `{${v}: ${k} for ${k}, ${v} in ${BLANK}}`,
		filter: `{${k}: ${v} for ${k}, ${v} in ${BLANK} if ${v} > ${n}}`,
		scale: `{${k}: ${v} * ${n} for ${k}, ${v} in ${BLANK}}`,
		upper: `{${k}.upper(): ${v} for ${k}, ${v} in ${BLANK}}`,
	}[body];
	const code = `${dict} = {${entries.map((e) => `"${e.key}": ${e.value}`).join(", ")}}\nprint(${comprehension})\n`;
	const does = {
		invert: `makes each value a key and each key its value`,
		filter: `keeps the entries whose ${v} is over ${n}`,
		scale: `multiplies each ${v} by ${n}`,
		upper: `writes each key in capitals`,
	}[body];
	return {
		code,
		answer: `${dict}.items()`,
		wrong: [
			wrong(
				dict,
				belief`going through a dict gives each key together with its value`,
			),
			wrong(
				`${dict}.items`,
				belief`items can be looped over without calling it`,
			),
			wrong(
				`${dict}.keys()`,
				belief`keys() gives each key together with its value`,
			),
			wrong(
				`${dict}.values()`,
				belief`values() gives each key together with its value`,
			),
			wrong(
				`enumerate(${dict})`,
				belief`enumerate(${dict}) gives each key together with its value`,
			),
			wrong(
				`${dict}.keys`,
				bothBeliefs(
					belief`keys() gives each key together with its value`,
					belief`it can be looped over without calling it`,
					", and ",
				),
			),
		],
		explain: (output) =>
			`Going through a dict gives only its keys, so "for ${k}, ${v} in ${dict}" would try to unpack each key string. ` +
			`${dict}.items() gives (key, value) pairs, which ${k}, ${v} unpacks, and the comprehension ${does}. It prints ${output}.`,
	};
}

function unpackParams(rng: Rng): UnpackParams {
	const theme = rng.pick(UNPACK_THEMES);
	const size = rng.int(4, 5);
	const values = rng.sample([2, 3, 4, 5, 6, 7, 8, 9], size);
	const sorted = [...values].sort((a, b) => a - b);
	return {
		shape: "unpack",
		theme,
		keys: rng.sample(theme.items, size),
		values,
		// keeps two or more pairs and drops one or more
		over: itemAt(sorted, rng.int(0, size - 3)),
		start: rng.pick([0, 1] as const),
		countFirst: rng.bool(),
	};
}

function buildUnpack({
	theme,
	keys,
	values,
	over,
	start,
	countFirst,
}: UnpackParams): FillIn {
	const { key: k, value: v } = theme;
	const numbered = `enumerate(zip(${theme.keys}, ${theme.values})${start === 1 ? ", 1" : ""})`;
	const body = countFirst ? `i: ${k}` : `${k}: i`;
	const code = `${theme.keys} = ${strings(keys)}\n${theme.values} = ${numbers(values)}\nprint({${body} for ${BLANK} in ${numbered} if ${v} > ${over}})\n`;
	const kept = keys.flatMap((key, index) =>
		itemAt(values, index) > over ? [`${key} (${index + start})`] : [],
	);
	const first = `(${start}, ("${itemAt(keys, 0)}", ${itemAt(values, 0)}))`;
	return {
		code,
		answer: `i, (${k}, ${v})`,
		wrong: [
			wrong(
				`i, ${k}, ${v}`,
				belief`enumerate hands out the count and the two items of each pair as three separate values`,
			),
			wrong(
				`(${k}, ${v}), i`,
				belief`enumerate gives each item first and its count second`,
			),
			wrong(
				`(i, ${k}), ${v}`,
				belief`enumerate puts the count together with the first item of each pair`,
			),
			wrong(
				`${k}, ${v}`,
				belief`enumerate(zip(...)) gives zip's pairs unchanged, and the count is still there as i`,
			),
			wrong(
				`i, (${theme.keys}, ${theme.values})`,
				belief`the pair is unpacked into the names of the lists it came from`,
			),
			wrong(
				`i, zip(${k}, ${v})`,
				belief`a pair that zip made is taken apart with zip again`,
			),
		],
		explain: (output) =>
			`${numbered} gives each count together with one pair from zip, as a nested tuple: the first is ${first}. ` +
			`The loop target must have the same shape, i, (${k}, ${v}), to take the count and both items apart. ` +
			`The pairs with ${v} over ${over} are ${listed(kept)}. It prints ${output}.`,
	};
}

function buildGroup({ theme, by, words }: GroupParams): FillIn {
	const { dict, word, plural } = theme;
	const key = GROUP_KEYS[by].code(word);
	const code = `${dict} = {}\nfor ${word} in ${strings(words)}:\n    ${BLANK}\nprint(${dict})\n`;
	const order: (string | number)[] = [];
	for (const w of words)
		if (!order.includes(keyOf(by, w))) order.push(keyOf(by, w));
	const groups = order.map((g) => ({
		key: g,
		words: words.filter((w) => keyOf(by, w) === g),
	}));
	const shown = (g: string | number) =>
		typeof g === "string" ? `"${g}"` : String(g);
	const big = groups.find((g) => g.words.length > 1);
	if (!big) throw new RangeError("no key is shared by two words");
	const setdefault = `${dict}.setdefault(${key}, [])`;
	const GET_STORES = belief`get stores its default in the dict when the key is missing`;
	const EXTEND = belief`extend adds the ${word} to the list as one item`;
	return {
		code,
		answer: `${setdefault}.append(${word})`,
		wrong: [
			wrong(
				`${dict}[${key}].append(${word})`,
				belief`a missing key starts out as an empty list`,
			),
			wrong(`${dict}.get(${key}, []).append(${word})`, GET_STORES),
			wrong(
				`${dict}.setdefault(${key}, [${word}])`,
				belief`setdefault adds its value to the list already stored under the key`,
			),
			wrong(
				`${dict}[${key}] = [${word}]`,
				belief`assigning a list to a key adds its items to the list already stored there`,
			),
			wrong(`${setdefault}.extend(${word})`, EXTEND),
			wrong(
				`${dict}.setdefault(${key}, list).append(${word})`,
				belief`setdefault is given the type of the default, as defaultdict is`,
			),
		],
		explain: (output) =>
			`${dict}.setdefault(${key}, []) returns the list stored under the key, after storing a new empty list there if the key is missing, so .append(${word}) adds to that key's own list. ` +
			`The ${plural} are grouped by their ${GROUP_KEYS[by].what}: ${shown(big.key)} collects ${listed(big.words)}, in the order they come. It prints ${output}.`,
	};
}

export const dictBuilding = defineFamily<Params>({
	id: "python/dict-building",
	idea: "py.building-dicts",
	language: "python",
	kind: "fill-in",
	difficulty: ["easy", "medium", "hard"],
	title: "Building a dict from pairs",
	topics: [
		"dictionaries",
		"dict",
		"zip",
		"enumerate",
		"comprehensions",
		"setdefault",
		"grouping",
	],
	params: (rng, difficulty) => {
		if (difficulty === "easy")
			return rng.bool() ? zipParams(rng) : listParams(rng, "enumerate");
		if (difficulty === "medium")
			return rng.bool() ? itemsParams(rng) : listParams(rng, "numbering");
		return rng.bool() ? groupParams(rng) : unpackParams(rng);
	},
	build: (params) => {
		switch (params.shape) {
			case "zip":
				return buildZip(params);
			case "enumerate":
				return buildEnumerate(params);
			case "numbering":
				return buildNumbering(params);
			case "items":
				return buildItems(params);
			case "unpack":
				return buildUnpack(params);
			case "group":
				return buildGroup(params);
		}
	},
});
