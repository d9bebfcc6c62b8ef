import type { Rng } from "../../rng.js";
import { type Belief, belief, bothBeliefs, keyed } from "../belief.js";
import { BLANK, defineFamily, type FillIn } from "../family.js";
import { itemAt } from "../item-at.js";
import { listed } from "../prose.js";

type Wrong = FillIn["wrong"][number];
const wrong = (option: string, misconception: Belief): Wrong => ({
	option,
	misconception,
});

/** A sort key as Python compares it: numbers, ASCII strings, or tuples of them. */
type Key = number | string | readonly Key[];

function compare(a: Key, b: Key): number {
	if (Array.isArray(a) && Array.isArray(b)) {
		for (let i = 0; i < Math.min(a.length, b.length); i++) {
			const c = compare(itemAt(a, i), itemAt(b, i));
			if (c !== 0) return c;
		}
		return a.length - b.length;
	}
	if (typeof a === "number" && typeof b === "number") return a - b;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Python's sorted(items, key=key, reverse=reverse): stable either way. */
function sortBy<T>(
	items: readonly T[],
	key: (item: T) => Key,
	reverse = false,
) {
	return [...items].sort((a, b) =>
		reverse ? compare(key(b), key(a)) : compare(key(a), key(b)),
	);
}

const same = (a: readonly unknown[], b: readonly unknown[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** A Python list of strings as print shows it. */
const strings = (items: readonly string[]) =>
	`[${items.map((s) => `'${s}'`).join(", ")}]`;
const literal = (items: readonly string[]) =>
	`[${items.map((s) => `"${s}"`).join(", ")}]`;

// beliefs about how a key function is passed, shared by the shapes
const CALLED = belief`the key function is written as a call, with its brackets, as it is when used on one item`;
const POSITIONAL = belief`sorted takes the key function as its second argument, without key=`;
const AS_STRING = belief`key= takes the name of the function, as a string`;
const PARENS = belief`a lambda's parameter goes in brackets, as a def's does`;
const IGNORES_CASE = belief`sorted puts words in dictionary order whatever their case`;
const stillReversed = (what: string) =>
	belief`the minus sign alone does not turn the order round, so reverse=True is still needed for ${what} first`;
const toStartFrom = (what: string) =>
	belief`sorted puts the largest key first, so reverse=True is needed to start from ${what}`;
const RETURN = belief`a lambda gives back its value with return, as a def does`;

const FRUITS = [
	"fig",
	"yam",
	"pea",
	"kiwi",
	"plum",
	"pear",
	"lime",
	"date",
	"mango",
	"lemon",
	"grape",
	"melon",
	"peach",
	"banana",
	"cherry",
	"orange",
	"papaya",
	"apricot",
];
const NAMES = [
	"alice",
	"bob",
	"carol",
	"dave",
	"erin",
	"frank",
	"grace",
	"heidi",
	"ivan",
	"judy",
	"kim",
	"leo",
];
const KEYS = [
	"pear",
	"fig",
	"kiwi",
	"plum",
	"lime",
	"date",
	"oslo",
	"rome",
	"lima",
	"bonn",
	"nice",
	"red",
	"blue",
	"teal",
	"gold",
];
const PEOPLE = ["ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy"];
const THEMES = [
	{ list: "scores", param: "s", item: "player", field: "points" },
	{ list: "results", param: "r", item: "team", field: "wins" },
	{ list: "laps", param: "p", item: "runner", field: "laps" },
	{ list: "votes", param: "v", item: "candidate", field: "votes" },
] as const;

const STYLES = ["name", "lambda"] as const;
type Style = (typeof STYLES)[number];

interface LengthParams {
	shape: "length";
	/** the key written as a function's name (key=len) or as a lambda (key=lambda w: len(w)) */
	style: Style;
	list: string;
	words: string[];
	descending: boolean;
}
interface CaseParams {
	shape: "case";
	/** the key written as a function's name (key=len) or as a lambda (key=lambda w: len(w)) */
	style: Style;
	list: string;
	words: string[];
	descending: boolean;
}
interface DigitsParams {
	shape: "digits";
	/** the key written as a function's name (key=len) or as a lambda (key=lambda w: len(w)) */
	style: Style;
	list: string;
	codes: string[];
	descending: boolean;
}
interface Entry {
	key: string;
	value: number;
}
interface DictParams {
	shape: "dict";
	/** the key written as a function's name (key=len) or as a lambda (key=lambda w: len(w)) */
	style: Style;
	dict: string;
	entries: Entry[];
	call: "sorted" | "sorted-reverse" | "max" | "min";
}
interface RankingParams {
	shape: "ranking";
	theme: (typeof THEMES)[number];
	container: "list" | "dict";
	entries: Entry[];
	/** highest first with ties by name, or lowest first with ties by name */
	highestFirst: boolean;
}
interface TiebreakParams {
	shape: "tiebreak";
	list: string;
	words: string[];
	/** longest first, or shortest first; words of one length go from A to Z either way */
	longestFirst: boolean;
}
type Params =
	| TiebreakParams
	| LengthParams
	| CaseParams
	| DigitsParams
	| DictParams
	| RankingParams;

/** Draws until `ok` holds: every shape rejects data on which a wrong key prints the answer. */
function until<T>(draw: () => T, ok: (value: T) => boolean): T {
	for (let i = 0; i < 200; i++) {
		const value = draw();
		if (ok(value)) return value;
	}
	throw new Error("no draw satisfies the family's checks");
}

const lengthParams = (rng: Rng): LengthParams => {
	const descending = rng.bool();
	const words = until(
		() => rng.sample(FRUITS, rng.int(4, 5)),
		(ws) =>
			!same(
				sortBy(ws, (w) => w.length, descending),
				sortBy(ws, (w) => w, descending),
			) &&
			!same(
				sortBy(ws, (w) => w.length, descending),
				ws,
			) &&
			!same(
				sortBy(ws, (w) => w.length),
				sortBy(ws, (w) => w.length, true),
			),
	);
	return {
		shape: "length",
		style: rng.pick(STYLES),
		list: rng.pick(["fruits", "words", "basket", "items"]),
		words,
		descending,
	};
};

const caseParams = (rng: Rng): CaseParams => {
	const descending = rng.bool();
	const words = until(
		() =>
			rng
				.sample(NAMES, rng.int(4, 5))
				.map((n) => (rng.bool() ? n[0]?.toUpperCase() + n.slice(1) : n)),
		(ws) =>
			!same(
				sortBy(ws, (w) => w.toLowerCase(), descending),
				sortBy(ws, (w) => w, descending),
			) &&
			!same(
				sortBy(ws, (w) => w.toLowerCase(), descending),
				ws,
			),
	);
	return {
		shape: "case",
		style: rng.pick(STYLES),
		list: rng.pick(["names", "guests", "players", "users"]),
		words,
		descending,
	};
};

const digitsParams = (rng: Rng): DigitsParams => {
	const descending = rng.bool();
	const codes = until(
		() =>
			rng
				.shuffle([
					...rng.sample([2, 3, 4, 5, 6, 7, 8, 9], rng.int(1, 2)),
					...rng.sample(
						[11, 12, 15, 18, 21, 24, 30, 36, 45, 56, 64, 72, 81, 90],
						2,
					),
					...rng.sample([100, 105, 120, 250, 300, 512], rng.int(1, 2)),
				])
				.map(String),
		(cs) => {
			const answer = sortBy(cs, Number, descending);
			return (
				!same(
					answer,
					sortBy(cs, (c) => c, descending),
				) &&
				!same(
					answer,
					sortBy(cs, (c) => c.length, descending),
				) &&
				!same(answer, cs)
			);
		},
	);
	return {
		shape: "digits",
		style: rng.pick(STYLES),
		list: rng.pick(["codes", "sizes", "pages", "ids"]),
		codes,
		descending,
	};
};

const dictParams = (rng: Rng): DictParams => {
	const call = rng.pick(["sorted", "sorted-reverse", "max", "min"] as const);
	const entries = until(
		() => {
			const values = rng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9], 4);
			return rng
				.sample(KEYS, rng.int(3, 4))
				.map((key, i): Entry => ({ key, value: itemAt(values, i) }));
		},
		(es) => {
			const byValue = sortBy(es, (e) => e.value, call === "sorted-reverse");
			const alphabetical = sortBy(es, (e) => e.key, call === "sorted-reverse");
			const secondLetter = sortBy(
				es,
				(e) => e.key[1] ?? "",
				call === "sorted-reverse",
			);
			if (call === "sorted" || call === "sorted-reverse")
				return (
					!same(byValue, alphabetical) &&
					!same(byValue, secondLetter) &&
					!same(byValue, es)
				);
			// max and min return the first of the keys that tie for the top
			const extreme = (key: (e: Entry) => Key) =>
				es.reduce((best, e) => {
					const c = compare(key(e), key(best));
					return (call === "max" ? c > 0 : c < 0) ? e : best;
				}).key;
			const answer = extreme((e) => e.value);
			return (
				answer !== extreme((e) => e.key) &&
				answer !== extreme((e) => e.key[1] ?? "")
			);
		},
	);
	return {
		shape: "dict",
		// max and min have no direction to get wrong: their lambda options would all be one edit from the answer
		style: call === "max" || call === "min" ? "name" : rng.pick(STYLES),
		dict: rng.pick(["stock", "prices", "votes", "ages"]),
		entries,
		call,
	};
};

/** The orders each ranking option gives, by name. */
function rankings(entries: readonly Entry[]) {
	const by = (key: (e: Entry) => Key, reverse = false) =>
		sortBy(entries, key, reverse).map((e) => e.key);
	return {
		highNameUp: by((e) => [-e.value, e.key]),
		lowNameUp: by((e) => [e.value, e.key]),
		highNameDown: by((e) => [e.value, e.key], true),
		lowNameDown: by((e) => [-e.value, e.key], true),
		highAsListed: by((e) => e.value, true),
		lowAsListed: by((e) => e.value),
		byNameUp: by((e) => [e.key, -e.value]),
	};
}

const rankingParams = (rng: Rng): RankingParams => {
	const entries = until(
		() => {
			const names = rng.sample(PEOPLE, rng.int(4, 5));
			const values = rng.sample([3, 4, 5, 6, 7, 8, 9], 3);
			return names.map((key): Entry => ({ key, value: rng.pick(values) }));
		},
		(es) => {
			const orders = Object.values(rankings(es));
			const distinct = new Set(orders.map((o) => o.join(" ")));
			return distinct.size === orders.length;
		},
	);
	return {
		shape: "ranking",
		theme: rng.pick(THEMES),
		container: rng.pick(["list", "dict"] as const),
		entries,
		highestFirst: rng.bool(),
	};
};

const tiebreakParams = (rng: Rng): TiebreakParams => {
	const words = until(
		() => rng.sample(FRUITS, 5),
		(ws) => {
			const length = (w: string) => w.length;
			const orders = [
				sortBy(ws, (w) => [w.length, w]),
				sortBy(ws, (w) => [-w.length, w]),
				sortBy(ws, (w) => [w.length, w], true),
				sortBy(ws, (w) => [-w.length, w], true),
				sortBy(ws, length),
				sortBy(ws, length, true),
				sortBy(ws, (w) => w),
			];
			return new Set(orders.map((o) => o.join(" "))).size === orders.length;
		},
	);
	return {
		shape: "tiebreak",
		list: rng.pick(["fruits", "words", "basket", "items"]),
		words,
		longestFirst: rng.bool(),
	};
};

/** A mistaken way of writing the key (the arguments before any reverse=True), and the belief behind it. */
interface KeyBelief {
	args: string;
	belief: Belief;
}

/** Every sorted option names its direction, so that turning it round is a one-word edit. */
const reversed = (args: string, descending: boolean) =>
	`${args}, reverse=${descending ? "True" : "False"}`;

/** How many wrong fillings an instance offers (the engine shows three of them). */
const WRONG_COUNT = 6;

/**
 * The answer and six wrong fillings of a shape that sorts one way or the other: the right key
 * the other way round, the first mistaken keys in the answer's direction, the first of them the
 * other way round too (two beliefs at once, so the answer is not the one option every other is a
 * single edit away from), and the extras.
 */
function directional(
	descending: boolean,
	right: string,
	smallest: string,
	largest: string,
	keys: readonly KeyBelief[],
	extras: readonly Wrong[],
): Pick<FillIn, "answer" | "wrong"> {
	const flip = descending
		? belief`sorted puts the largest key first on its own, so ${largest} comes first without reverse=True`
		: toStartFrom(smallest);
	return {
		answer: reversed(right, descending),
		wrong: [
			wrong(reversed(right, !descending), flip),
			...keys
				.slice(0, WRONG_COUNT - 2 - extras.length)
				.map((k) => wrong(reversed(k.args, descending), k.belief)),
			...keys
				.slice(0, 1)
				.map((k) =>
					wrong(
						reversed(k.args, !descending),
						bothBeliefs(k.belief, flip, ", and "),
					),
				),
			...extras,
		],
	};
}

/** "fig and yam (3); kiwi and plum (4)": the groups of tied items, with what they tie on. */
const tieGroups = (groups: readonly { items: string[]; on: number }[]) =>
	groups.map((g) => `${listed(g.items)} (${g.on})`).join("; ");

function buildLength({ list, words, descending, style }: LengthParams): FillIn {
	const code = `${list} = ${literal(words)}\nprint(sorted(${list}, ${BLANK}))\n`;
	const ordered = sortBy(words, (w) => w.length, descending);
	const ties = [...new Set(ordered.map((w) => w.length))]
		.map((n) => ({ items: ordered.filter((w) => w.length === n), on: n }))
		.filter((group) => group.items.length > 1);
	const tieNote =
		ties.length > 0
			? ` Words of the same length keep the order they have in ${list}, since Python's sort is stable${descending ? ", with reverse=True too" : ""}: ${tieGroups(ties)}.`
			: "";
	const plain = descending
		? wrong(
				"key=None, reverse=True",
				belief`strings compare by their length, so reverse=True alone puts the longest word first`,
			)
		: wrong(
				"key=None, reverse=False",
				belief`strings compare by their length, so the plain sort already puts the shortest word first`,
			);
	const NEGATED = belief`sorted puts the largest key first, so the length must be negated to start from the shortest word`;
	const STILL_REVERSED = stillReversed("the longest word");
	const named = style === "name";
	return {
		code,
		...directional(
			descending,
			named ? "key=len" : "key=lambda w: len(w)",
			"the shortest word",
			"the longest word",
			named
				? [
						{ args: "key=len()", belief: CALLED },
						{ args: "len", belief: POSITIONAL },
						{ args: 'key="len"', belief: AS_STRING },
					]
				: [
						{
							args: "key=lambda w: w.len()",
							belief: belief`len is a string method, called as w.len()`,
						},
						{ args: "key=lambda(w): len(w)", belief: PARENS },
						{ args: "key=lambda w: return len(w)", belief: RETURN },
					],
			[
				plain,
				descending
					? named
						? wrong(
								"key=-len, reverse=False",
								belief`a minus sign before len turns the order round, longest first`,
							)
						: wrong("key=lambda w: -len(w), reverse=True", STILL_REVERSED)
					: wrong("key=lambda w: -len(w), reverse=False", NEGATED),
			],
		),
		explain: (output) =>
			`The key makes sorted compare the words by len(word), not alphabetically; ${descending ? "reverse=True puts the longest first" : "the shortest come first, as sorted goes from the smallest key up"}. ` +
			(named
				? "The function is passed itself, without brackets: sorted calls it on each word."
				: "sorted calls the lambda on each word, and the lambda's expression is its result.") +
			`${tieNote} It prints ${output}.`,
	};
}

function buildCase({ list, words, descending, style }: CaseParams): FillIn {
	const code = `${list} = ${literal(words)}\nprint(sorted(${list}, ${BLANK}))\n`;
	const capitals = words.filter((w) => w !== w.toLowerCase());
	const BUILT_IN = belief`lower is a built-in function, like len`;
	const NO_BRACKETS = belief`naming the method s.lower without brackets gives the lowercase word, as key=str.lower does`;
	const named = style === "name";
	return {
		code,
		...directional(
			descending,
			named ? "key=str.lower" : "key=lambda s: s.lower()",
			"A",
			"Z",
			named
				? [
						{ args: "key=lower", belief: BUILT_IN },
						{ args: "key=str.lower()", belief: CALLED },
						{
							args: 'key="lower"',
							belief: belief`key= takes the name of a string method, as a string`,
						},
						{ args: "key=lambda s: s.lower", belief: NO_BRACKETS },
					]
				: [
						{ args: "key=lambda s: lower(s)", belief: BUILT_IN },
						{ args: "key=lambda s: s.lower", belief: NO_BRACKETS },
						{ args: "key=lambda(s): s.lower()", belief: PARENS },
						{ args: "key=lambda s: return s.lower()", belief: RETURN },
					],
			[
				descending
					? wrong(
							"key=None, reverse=True",
							bothBeliefs(
								IGNORES_CASE,
								belief`reverse=True alone goes from Z to A`,
								", so ",
							),
						)
					: wrong("key=None, reverse=False", IGNORES_CASE),
			],
		),
		explain: (output) =>
			`Strings compare by character code, and every uppercase letter comes before every lowercase one, so a plain sort would put ${listed(capitals)} ahead of the lowercase names. ` +
			`The key compares the lowercase form of each name instead${descending ? ", and reverse=True goes from Z to A" : ""}; sorted still returns the names themselves, with their capitals. It prints ${output}.`,
	};
}

/** "\"100\" before \"9\"": the first pair that string order puts the wrong way round for numbers. */
function outOfOrder(lexical: readonly string[]) {
	for (const [i, a] of lexical.entries())
		for (const b of lexical.slice(i + 1))
			if (Number(a) > Number(b)) return `"${a}" before "${b}"`;
	throw new RangeError("the codes are already in numeric order");
}

function buildDigits({ list, codes, descending, style }: DigitsParams): FillIn {
	const code = `${list} = ${literal(codes)}\nprint(sorted(${list}, ${BLANK}))\n`;
	const lexical = sortBy(codes, (c) => c);
	const LENGTH = belief`ordering by the number of digits puts the numbers in order`;
	const ORD = belief`ord gives the number a string of digits spells`;
	const named = style === "name";
	const plain = wrong(
		`key=None, reverse=${descending ? "True" : "False"}`,
		belief`strings of digits are sorted by the numbers they spell`,
	);
	return {
		code,
		...directional(
			descending,
			named ? "key=int" : "key=lambda c: int(c)",
			"the smallest number",
			"the largest number",
			named
				? [
						{ args: "key=len", belief: LENGTH },
						{ args: "key=int()", belief: CALLED },
						{ args: "key=ord", belief: ORD },
						descending
							? { args: 'key="int"', belief: AS_STRING }
							: { args: "int", belief: POSITIONAL },
					]
				: [
						{ args: "key=lambda c: len(c)", belief: LENGTH },
						{ args: "key=lambda c: ord(c)", belief: ORD },
						{
							args: "key=lambda c: c.int()",
							belief: belief`int is a string method, called as c.int()`,
						},
						{ args: "key=lambda(c): int(c)", belief: PARENS },
					],
			named
				? [plain]
				: [
						plain,
						descending
							? wrong(
									"key=lambda c: -int(c), reverse=True",
									stillReversed("the largest number"),
								)
							: wrong(
									"key=lambda c: -int(c), reverse=False",
									belief`sorted puts the largest key first, so the number must be negated to start from the smallest`,
								),
					],
		),
		explain: (output) =>
			`${list} holds strings, and strings compare character by character: on their own they sort as ${strings(lexical)}, with ${outOfOrder(lexical)}. ` +
			`The key compares int(code) instead, the number each string spells${descending ? ", and reverse=True puts the largest first" : ""}; the list still holds the strings. It prints ${output}.`,
	};
}

function buildDict({ dict, entries, call, style }: DictParams): FillIn {
	const literalDict = `{${entries.map((e) => `"${e.key}": ${e.value}`).join(", ")}}`;
	const fn = call === "max" || call === "min" ? call : "sorted";
	const code = `${dict} = ${literalDict}\nprint(${fn}(${dict}, ${BLANK}))\n`;
	const values = listed(entries.map((e) => `${e.key} ${e.value}`));
	const what =
		call === "max"
			? "the key with the largest value"
			: call === "min"
				? "the key with the smallest value"
				: `the keys ordered by their values, ${call === "sorted" ? "smallest" : "largest"} first`;
	const VALUES = belief`key=${dict}.values gives each key's value`;
	const DICT = belief`a dict can be passed as the key function, to look up each key's value`;
	const PLAIN = belief`${fn} on a dict compares its values and gives back the keys`;
	const PAIRS = belief`going through a dict gives (key, value) pairs, so k[1] is the value`;
	const named = style === "name";
	const right = named ? `key=${dict}.get` : `key=lambda k: ${dict}[k]`;
	const keys: KeyBelief[] = named
		? [
				{ args: `key=${dict}.get()`, belief: CALLED },
				{ args: `key=${dict}`, belief: DICT },
				{ args: `key=${dict}.values`, belief: VALUES },
				{ args: "key=lambda k: k[1]", belief: PAIRS },
			]
		: [
				{
					args: `key=lambda k: ${dict}(k)`,
					belief: belief`a dict is called with a key to look up its value`,
				},
				{
					args: "key=lambda k, v: v",
					belief: belief`the key function is given each key together with its value`,
				},
				{ args: "key=lambda k: k[1]", belief: PAIRS },
				{
					args: `key=lambda k: ${dict}.values()[k]`,
					belief: belief`${dict}.values() can be indexed by a key, like the dict`,
				},
			];
	const options =
		call === "max" || call === "min"
			? {
					answer: right,
					wrong: [
						wrong("key=None", PLAIN),
						...keys.map((k) => wrong(k.args, k.belief)),
						...(named
							? [
									wrong(
										`key=${dict}.values()`,
										bothBeliefs(VALUES, CALLED, ", and "),
									),
								]
							: []),
					],
				}
			: directional(
					call === "sorted-reverse",
					right,
					"the smallest value",
					"the largest value",
					keys,
					[wrong(reversed("key=None", call === "sorted-reverse"), PLAIN)],
				);
	return {
		code,
		...options,
		explain: (output) =>
			`Going through a dict gives its keys, so ${fn} compares the keys themselves unless a key function says otherwise. ` +
			(named
				? `key=${dict}.get is the bound method itself: ${fn} calls ${dict}.get(key) on each key`
				: `${fn} calls the lambda on each key, and it gives back ${dict}[k]`) +
			` and compares the values (${values}), so it gives ${what}. It prints ${output}.`,
	};
}

function buildTiebreak({ list, words, longestFirst }: TiebreakParams): FillIn {
	const code = `${list} = ${literal(words)}\nprint(sorted(${list}, ${BLANK}))\n`;
	const tuple = "key=lambda w: (len(w), w)";
	const negated = "key=lambda w: (-len(w), w)";
	const ordered = sortBy(words, (w) => [
		longestFirst ? -w.length : w.length,
		w,
	]);
	const ties = [...new Set(ordered.map((w) => w.length))]
		.map((n) => ({ items: ordered.filter((w) => w.length === n), on: n }))
		.filter((group) => group.items.length > 1);
	const TIES_ALPHA = belief`words of the same length are then put in alphabetical order anyway`;
	const LAST_FIRST = belief`a tuple key is compared from its last item to its first`;
	const TUPLE_OF_FUNCTIONS = belief`key= takes a tuple of functions, used one after the other`;
	const PLUS = belief`+ joins the length and the word into one key that compares both`;
	const ON_ITS_OWN = keyed(
		"largest-key-first-own-without-minus",
		belief`sorted puts the largest key first on its own, so the longest word comes first without a minus sign`,
	);
	const FLIP = toStartFrom("the shortest word");
	return {
		code,
		answer: longestFirst ? negated : tuple,
		wrong: longestFirst
			? [
					wrong(
						`${tuple}, reverse=True`,
						belief`reverse=True turns round only the first item of a tuple key`,
					),
					wrong("key=len, reverse=True", TIES_ALPHA),
					wrong("key=lambda w: (w, -len(w))", LAST_FIRST),
					wrong(tuple, ON_ITS_OWN),
					wrong("key=(len, str), reverse=True", TUPLE_OF_FUNCTIONS),
					wrong(`${negated}, reverse=True`, stillReversed("the longest word")),
				]
			: [
					wrong("key=len", TIES_ALPHA),
					wrong("key=lambda w: (w, len(w))", LAST_FIRST),
					wrong("key=(len, str)", TUPLE_OF_FUNCTIONS),
					wrong("key=lambda w: len(w) + w", PLUS),
					wrong(`${tuple}, reverse=True`, FLIP),
					wrong(
						"key=len, reverse=True",
						bothBeliefs(FLIP, TIES_ALPHA, ", and "),
					),
				],
		explain: (output) =>
			"A tuple key compares the lengths first and, only between words of the same length, the words themselves, from A to Z. " +
			(longestFirst
				? "Negating the length puts the longest words first while equal lengths still go from A to Z; reverse=True would turn those round as well. "
				: "") +
			`Words of the same length would otherwise keep the order they have in ${list}; here they are ${tieGroups(ties)}. It prints ${output}.`,
	};
}

function buildRanking({
	theme,
	container,
	entries,
	highestFirst,
}: RankingParams): FillIn {
	const { list, param: p, item, field } = theme;
	const first = container === "list" ? `${p}[1]` : `${list}[${p}]`;
	const second = container === "list" ? `${p}[0]` : p;
	const lam = (body: string) => `key=lambda ${p}: ${body}`;
	const single = container === "list" ? lam(first) : `key=${list}.get`;
	const code =
		container === "list"
			? `${list} = [${entries.map((e) => `("${e.key}", ${e.value})`).join(", ")}]\nranked = sorted(${list}, ${BLANK})\nprint([name for name, _ in ranked])\n`
			: `${list} = {${entries.map((e) => `"${e.key}": ${e.value}`).join(", ")}}\nprint(sorted(${list}, ${BLANK}))\n`;
	const tuple = `(${first}, ${second})`;
	const negated = `(-${first}, ${second})`;
	const nameFirst = highestFirst
		? `(${second}, -${first})`
		: `(${second}, ${first})`;
	const items = `${item}s`;
	const ordered = rankings(entries)[highestFirst ? "highNameUp" : "lowNameUp"];
	const score = (name: string) =>
		entries.find((e) => e.key === name)?.value ?? 0;
	const tied = [...new Set(ordered.map(score))]
		.map((on) => ({ items: ordered.filter((n) => score(n) === on), on }))
		.filter((g) => g.items.length > 1);

	const LAST_FIRST = belief`a tuple key is compared from its last item to its first`;
	const TIES_BY_NAME = belief`${items} with equal ${field} are then put in order by name anyway`;
	const wrongs: Wrong[] = highestFirst
		? [
				wrong(
					`${lam(tuple)}, reverse=True`,
					belief`reverse=True turns round only the first item of a tuple key`,
				),
				wrong(`${single}, reverse=True`, TIES_BY_NAME),
				wrong(lam(nameFirst), LAST_FIRST),
				wrong(
					lam(tuple),
					belief`sorted puts the largest key first, so the most ${field} come first without a minus sign`,
				),
				wrong(
					`${lam(negated)}, reverse=True`,
					stillReversed(`the most ${field}`),
				),
				wrong(
					single,
					bothBeliefs(
						belief`sorted puts the largest key first`,
						TIES_BY_NAME,
						", and ",
					),
				),
			]
		: [
				wrong(single, TIES_BY_NAME),
				wrong(lam(nameFirst), LAST_FIRST),
				wrong(
					`${lam(negated)}, reverse=True`,
					belief`reverse=True undoes the minus sign and leaves the names in order`,
				),
				wrong(
					`${lam(tuple)}, reverse=True`,
					keyed(
						"largest-key-first-reverse-for-fewest",
						belief`sorted puts the largest key first, so reverse=True is needed for the fewest ${field} first`,
					),
				),
				wrong(
					lam(negated),
					belief`sorted puts the largest key first, so the ${field} must be negated to start from the fewest`,
				),
				wrong(
					`${single}, reverse=True`,
					bothBeliefs(
						keyed(
							"largest-key-first-reverse-for-fewest",
							belief`sorted puts the largest key first, so reverse=True is needed for the fewest ${field} first`,
						),
						TIES_BY_NAME,
						", and ",
					),
				),
			];
	return {
		code,
		answer: highestFirst ? lam(negated) : lam(tuple),
		wrong: wrongs,
		explain: (output) =>
			`A tuple key compares its first items, and only when they are equal its second. ` +
			(highestFirst
				? `Negating the ${field} puts the most ${field} first while the names still go from A to Z; reverse=True would turn the names round as well. `
				: `Both items go up: the fewest ${field} first, then the names from A to Z. `) +
			`Tied on ${field}, ${tieGroups(tied)} come out by name, not in the order ${list} lists them. It prints ${output}.`,
	};
}

export const keyFunctions = defineFamily<Params>({
	id: "python/key-functions",
	idea: "py.sorting",
	language: "python",
	kind: "fill-in",
	difficulty: ["easy", "medium", "hard"],
	title: "Sorting with a key function",
	topics: ["sorting", "sorted", "key-functions", "lambda", "min", "max"],
	params: (rng, difficulty) => {
		if (difficulty === "easy")
			return rng.bool() ? lengthParams(rng) : caseParams(rng);
		if (difficulty === "medium")
			return rng.bool() ? digitsParams(rng) : dictParams(rng);
		return rng.bool() ? rankingParams(rng) : tiebreakParams(rng);
	},
	build: (params) => {
		switch (params.shape) {
			case "length":
				return buildLength(params);
			case "case":
				return buildCase(params);
			case "digits":
				return buildDigits(params);
			case "dict":
				return buildDict(params);
			case "ranking":
				return buildRanking(params);
			case "tiebreak":
				return buildTiebreak(params);
		}
	},
});
